package dev.o365connector.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.auth.lifecycle.InstallationRepository;
import dev.o365connector.contracts.installation.InstallationType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenVaultIT {

  private static final Instant EXPIRES =
      Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MICROS);

  @Inject TokenVault vault;
  @Inject InstallationRepository installations;

  @Test
  @RunOnVertxContext
  void storedTokensLoadBackDecrypted(UniAsserter asserter) {
    Installation installation = installation();
    TokenSet tokens = delegated("access-" + UUID.randomUUID(), "refresh-" + UUID.randomUUID());

    asserter.execute(() -> persist(installation));
    asserter.execute(() -> vault.store(installation.id, tokens));
    asserter.assertEquals(() -> vault.load(installation.id), Optional.of(tokens));
  }

  @Test
  @RunOnVertxContext
  void databaseHoldsNeitherTokenInTheClear(UniAsserter asserter) {
    Installation installation = installation();
    TokenSet tokens = delegated("access-" + UUID.randomUUID(), "refresh-" + UUID.randomUUID());

    asserter.execute(() -> persist(installation));
    asserter.execute(() -> vault.store(installation.id, tokens));
    asserter.assertThat(
        () -> storedBytes(installation.id),
        row -> {
          assertThat(row).hasSize(2).doesNotContainNull();
          for (Object column : row) {
            String bytes = new String((byte[]) column, StandardCharsets.ISO_8859_1);
            assertThat(bytes)
                .doesNotContain(asBytes(tokens.accessToken()))
                .doesNotContain(asBytes(tokens.refreshToken()));
          }
        });
  }

  @Test
  @RunOnVertxContext
  void tokensCopiedToAnotherInstallationDoNotDecrypt(UniAsserter asserter) {
    Installation owner = installation();
    Installation other = installation();

    asserter.execute(() -> persist(owner));
    asserter.execute(() -> persist(other));
    asserter.execute(() -> vault.store(owner.id, delegated("access-owner", "refresh-owner")));
    asserter.execute(() -> copyStoredTokens(owner.id, other.id));
    asserter.assertFailedWith(() -> vault.load(other.id), TokenDecryptionException.class);
  }

  @Test
  @RunOnVertxContext
  void clientCredentialsTokensKeepTheStoredRefreshToken(UniAsserter asserter) {
    Installation installation = installation();
    TokenSet clientCredentials =
        new TokenSet("access-2", EXPIRES.plusSeconds(60), null, List.of("User.Read.All"));

    asserter.execute(() -> persist(installation));
    asserter.execute(() -> vault.store(installation.id, delegated("access-1", "refresh-1")));
    asserter.execute(() -> vault.store(installation.id, clientCredentials));
    asserter.assertEquals(
        () -> vault.load(installation.id),
        Optional.of(
            new TokenSet(
                "access-2", EXPIRES.plusSeconds(60), "refresh-1", List.of("User.Read.All"))));
  }

  @Test
  @RunOnVertxContext
  void storeJoinsTheCallersTransaction(UniAsserter asserter) {
    Installation installation = installation();
    TokenSet tokens = delegated("access-tx", "refresh-tx");

    asserter.execute(
        () ->
            Panache.withTransaction(
                () ->
                    installations
                        .persist(installation)
                        .chain(() -> vault.store(installation.id, tokens))));
    asserter.assertEquals(() -> vault.load(installation.id), Optional.of(tokens));
  }

  @Test
  @RunOnVertxContext
  void unknownInstallationHasNoTokens(UniAsserter asserter) {
    asserter.assertEquals(() -> vault.load(UUID.randomUUID()), Optional.empty());
  }

  @Test
  @RunOnVertxContext
  void wipedTokensAreGone(UniAsserter asserter) {
    Installation installation = installation();

    asserter.execute(() -> persist(installation));
    asserter.execute(() -> vault.store(installation.id, delegated("access", "refresh")));
    asserter.execute(() -> vault.wipe(installation.id));
    asserter.assertEquals(() -> vault.load(installation.id), Optional.empty());
  }

  @Test
  @RunOnVertxContext
  void deletingTheInstallationDeletesItsTokens(UniAsserter asserter) {
    Installation installation = installation();

    asserter.execute(() -> persist(installation));
    asserter.execute(() -> vault.store(installation.id, delegated("access", "refresh")));
    asserter.execute(
        () -> Panache.withTransaction(() -> installations.deleteById(installation.id)));
    asserter.assertEquals(() -> vault.load(installation.id), Optional.empty());
  }

  @Test
  @RunOnVertxContext
  void touchRecordsTheLatestUse(UniAsserter asserter) {
    Installation installation = installation();
    Instant used = Instant.now().truncatedTo(ChronoUnit.MICROS);

    asserter.execute(() -> persist(installation));
    asserter.execute(() -> vault.store(installation.id, delegated("access", "refresh")));
    asserter.execute(() -> vault.touch(installation.id, used));
    asserter.execute(() -> vault.touch(installation.id, used.minusSeconds(60)));
    asserter.assertThat(
        () ->
            Panache.withSession(
                () -> Panache.getSession().chain(s -> s.find(StoredToken.class, installation.id))),
        row -> assertThat(row.lastUsedAt).isEqualTo(used));
  }

  private static Installation installation() {
    return Installation.pending(
        "account-" + UUID.randomUUID(), InstallationType.DELEGATED, null, Instant.now());
  }

  private static TokenSet delegated(String accessToken, String refreshToken) {
    return new TokenSet(accessToken, EXPIRES, refreshToken, List.of("offline_access", "Mail.Read"));
  }

  private Uni<Installation> persist(Installation installation) {
    return Panache.withTransaction(() -> installations.persist(installation));
  }

  /** Copies the ciphertext as it is in the database, as someone with write access could. */
  private static Uni<Integer> copyStoredTokens(UUID from, UUID to) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(
                                "INSERT INTO stored_token (installation_id, refresh_token,"
                                    + " access_token, access_token_expires_at)"
                                    + " SELECT :to, refresh_token, access_token,"
                                    + " access_token_expires_at FROM stored_token"
                                    + " WHERE installation_id = :from")
                            .setParameter("to", to)
                            .setParameter("from", from)
                            .executeUpdate()));
  }

  private static Uni<Object[]> storedBytes(UUID installationId) {
    return Panache.withSession(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(
                                "SELECT refresh_token, access_token FROM stored_token"
                                    + " WHERE installation_id = :id",
                                Object[].class)
                            .setParameter("id", installationId)
                            .getSingleResult()));
  }

  /** A token's UTF-8 bytes, one char per byte, to search a column's bytes with String.contains. */
  private static String asBytes(String token) {
    return new String(token.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
