package dev.o365connector.auth.consent;

import dev.o365connector.auth.config.AuthConfig;
import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.auth.token.TokenCipher;
import dev.o365connector.contracts.installation.InstallationType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Issues and redeems consent states: 256 random bits, only the SHA-256 stored, bound to one
 * installation, single use, valid for {@code o365.auth.consent-state-ttl}.
 */
@ApplicationScoped
public class ConsentStates {

  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final ConsentStateRepository states;
  private final TokenCipher cipher;
  private final AuthConfig config;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ConsentStates(ConsentStateRepository states, TokenCipher cipher, AuthConfig config, Clock clock) {
    this.states = states;
    this.cipher = cipher;
    this.config = config;
    this.clock = clock;
  }

  /** A fresh state (and, for DELEGATED, PKCE verifier) for a new consent URL. */
  public Uni<IssuedState> issue(Installation installation, String authority) {
    String state = randomToken();
    String verifier = installation.type == InstallationType.DELEGATED ? randomToken() : null;
    Instant now = clock.instant();
    ConsentState row = new ConsentState();
    row.stateHash = hash(state);
    row.installationId = installation.id;
    row.type = installation.type;
    row.authority = verifier == null ? null : authority;
    row.codeVerifier =
        verifier == null ? null : cipher.encrypt(installation.id.toString(), verifier);
    row.createdAt = now;
    row.expiresAt = now.plus(config.consentStateTtl());
    return states.persist(row).replaceWith(new IssuedState(state, verifier));
  }

  /**
   * The state's row, consumed: empty when it is unknown, expired or already used. Runs in the
   * caller's transaction.
   */
  public Uni<RedeemedState> redeem(String state) {
    byte[] hash = hash(state);
    Instant now = clock.instant();
    return states
        .findById(hash)
        .flatMap(
            row -> {
              if (row == null || row.usedAt != null || !now.isBefore(row.expiresAt)) {
                return Uni.createFrom().nullItem();
              }
              return states.markUsed(hash, now).map(won -> won ? toRedeemed(row) : null);
            });
  }

  private RedeemedState toRedeemed(ConsentState row) {
    String verifier =
        row.codeVerifier == null
            ? null
            : cipher.decrypt(row.installationId.toString(), row.codeVerifier);
    return new RedeemedState(row.installationId, row.type, row.authority, verifier);
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return URL_SAFE.encodeToString(bytes);
  }

  static byte[] hash(String state) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A new state and PKCE verifier (null for APPLICATION); the values go into the URL only. */
  public record IssuedState(String state, String codeVerifier) {
    @Override
    public String toString() {
      return "IssuedState[redacted]";
    }
  }

  /** A consumed state: which installation it belongs to, and what the code exchange needs. */
  public record RedeemedState(
      java.util.UUID installationId, InstallationType type, String authority, String codeVerifier) {
    @Override
    public String toString() {
      return "RedeemedState[installationId=" + installationId + ", type=" + type + "]";
    }
  }
}
