package dev.o365connector.simulator.directory;

import java.util.Random;
import java.util.UUID;

/** Deterministic ids: the same seed yields the same sequence of GUIDs and secrets. */
public final class Ids {

  private final Random random;

  public Ids(long seed) {
    this.random = new Random(seed);
  }

  /** A version-4-shaped GUID, as Entra object ids look. */
  public synchronized String guid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  /** A client-secret-like string of 40 URL-safe characters. */
  public synchronized String secret() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~._-";
    StringBuilder secret = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return secret.toString();
  }

  public synchronized int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
