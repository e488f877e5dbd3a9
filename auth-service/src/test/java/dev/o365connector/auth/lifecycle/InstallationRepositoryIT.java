package dev.o365connector.auth.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstallationRepositoryIT {

  @Inject InstallationRepository repository;

  @Test
  @RunOnVertxContext
  void installationWrittenAfterMigrationIsReadBack(UniAsserter asserter) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String account = "account-" + UUID.randomUUID();
    Installation written =
        Installation.pending(account, InstallationType.APPLICATION, "tenant-42", now);
    written.grantedPermissions = "User.Read.All Mail.Read";

    asserter.execute(() -> Panache.withTransaction(() -> repository.persist(written)));
    asserter.assertThat(
        () -> Panache.withSession(() -> repository.findById(written.id)),
        read -> {
          assertThat(read.accountId).isEqualTo(account);
          assertThat(read.type).isEqualTo(InstallationType.APPLICATION);
          assertThat(read.status).isEqualTo(InstallationStatus.PENDING);
          assertThat(read.tenantId).isEqualTo("tenant-42");
          assertThat(read.grantedPermissionList()).containsExactly("User.Read.All", "Mail.Read");
          assertThat(read.createdAt).isEqualTo(now);
        });
    asserter.assertThat(
        () -> Panache.withSession(() -> repository.listByAccount(account)),
        list -> assertThat(list).extracting(i -> i.id).containsExactly(written.id));
  }

  @Test
  @RunOnVertxContext
  void databaseRefusesAnApplicationInstallationWithoutTenant(UniAsserter asserter) {
    Installation noTenant =
        Installation.pending("account-x", InstallationType.APPLICATION, null, Instant.now());

    asserter.assertFailedWith(
        () -> Panache.withTransaction(() -> repository.persist(noTenant)),
        failure -> assertThat(failure).hasStackTraceContaining("application_needs_tenant"));
  }
}
