package dev.o365connector.auth.token;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Installations' Entra tokens, encrypted at rest; joins the caller's session and transaction. */
@ApplicationScoped
public class TokenVault {

  private final StoredTokenRepository repository;
  private final TokenCipher cipher;

  TokenVault(StoredTokenRepository repository, TokenCipher cipher) {
    this.repository = repository;
    this.cipher = cipher;
  }

  /**
   * Stores the tokens of a token response; keeps the stored refresh token when the response has
   * none, as client-credentials grants never return one.
   */
  @WithTransaction
  public Uni<Void> store(UUID installationId, TokenSet tokens) {
    return repository
        .findById(installationId)
        .onItem()
        .ifNull()
        .continueWith(() -> newRow(installationId))
        .invoke(row -> write(row, tokens))
        .call(repository::persist)
        .replaceWithVoid();
  }

  /**
   * The installation's tokens, decrypted; empty if none are stored.
   *
   * @throws TokenDecryptionException (as the Uni's failure) if they do not decrypt
   */
  @WithSession
  public Uni<Optional<TokenSet>> load(UUID installationId) {
    return repository.findById(installationId).map(row -> Optional.ofNullable(row).map(this::read));
  }

  /** Forgets the installation's tokens. */
  @WithTransaction
  public Uni<Void> wipe(UUID installationId) {
    return repository.deleteById(installationId).replaceWithVoid();
  }

  /** Records that the installation's access token was used at {@code when}. */
  @WithTransaction
  public Uni<Void> touch(UUID installationId, Instant when) {
    return repository.touch(installationId, when).replaceWithVoid();
  }

  private static StoredToken newRow(UUID installationId) {
    StoredToken row = new StoredToken();
    row.installationId = installationId;
    return row;
  }

  private void write(StoredToken row, TokenSet tokens) {
    String associatedData = row.installationId.toString();
    row.accessToken = cipher.encrypt(associatedData, tokens.accessToken());
    row.accessTokenExpiresAt = tokens.accessTokenExpiresAt();
    if (tokens.refreshToken() != null) {
      row.refreshToken = cipher.encrypt(associatedData, tokens.refreshToken());
    }
    row.grantedScopes = String.join(" ", tokens.grantedScopes());
    row.refreshedAt = Instant.now();
  }

  private TokenSet read(StoredToken row) {
    String associatedData = row.installationId.toString();
    return new TokenSet(
        cipher.decrypt(associatedData, row.accessToken),
        row.accessTokenExpiresAt,
        row.refreshToken == null ? null : cipher.decrypt(associatedData, row.refreshToken),
        scopes(row.grantedScopes));
  }

  private static List<String> scopes(String grantedScopes) {
    return grantedScopes.isBlank() ? List.of() : Arrays.asList(grantedScopes.trim().split("\\s+"));
  }
}
