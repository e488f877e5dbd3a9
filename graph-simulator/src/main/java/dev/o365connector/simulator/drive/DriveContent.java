package dev.o365connector.simulator.drive;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

/**
 * A file's bytes, made up from its id so a download can be checked: the same item always has the
 * same content, other items other content. The simulator keeps no content, and serves any size
 * without holding it: a 64 KiB block derived from the id is repeated up to the item's size and
 * written one block at a time, only as fast as the client reads (the write queue's backpressure).
 */
final class DriveContent {

  /** The block, and the largest write. */
  static final int CHUNK = 64 * 1024;

  private final WriteStream<Buffer> out;
  private final byte[] block;
  private long remaining;
  private boolean failed;

  private DriveContent(WriteStream<Buffer> out, byte[] block, long size) {
    this.out = out;
    this.block = block;
    this.remaining = size;
  }

  /**
   * Writes the {@code size} bytes of {@code itemId}'s content to {@code out} and ends it; stops
   * writing if a write fails (the client went away).
   */
  static void stream(WriteStream<Buffer> out, String itemId, long size) {
    new DriveContent(out, block(itemId), size).pump();
  }

  /**
   * Every 64 KiB of {@code itemId}'s content: {@link Random}'s bytes (its algorithm is specified,
   * so every JVM makes the same) seeded from the id.
   */
  static byte[] block(String itemId) {
    byte[] block = new byte[CHUNK];
    long seed =
        UUID.nameUUIDFromBytes(itemId.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    new Random(seed).nextBytes(block);
    return block;
  }

  private void pump() {
    while (remaining > 0 && !failed && !out.writeQueueFull()) {
      int length = (int) Math.min(CHUNK, remaining);
      remaining -= length;
      out.write(Buffer.buffer(length).appendBytes(block, 0, length)).onFailure(e -> failed = true);
    }
    if (failed) {
      return;
    }
    if (remaining == 0) {
      out.end();
    } else {
      out.drainHandler(drained -> pump());
    }
  }
}
