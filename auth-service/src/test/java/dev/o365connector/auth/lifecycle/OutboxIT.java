package dev.o365connector.auth.lifecycle;

import static dev.o365connector.auth.InstallationEvents.publishedUntil;
import static dev.o365connector.auth.InstallationEvents.waiting;
import static dev.o365connector.contracts.installation.InstallationStatus.ACTIVE;
import static dev.o365connector.contracts.installation.InstallationStatus.PENDING;
import static dev.o365connector.contracts.installation.InstallationStatus.REAUTH_REQUIRED;
import static dev.o365connector.contracts.installation.InstallationStatus.UNINSTALLED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.o365connector.auth.InstallationEvents;
import dev.o365connector.auth.Installs;
import dev.o365connector.auth.PlatformTokens;
import dev.o365connector.auth.TestSql;
import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Installation events go through the outbox: written with the status change, sent after commit in
 * order by whichever replica holds the lease, then deleted.
 */
@QuarkusTest
class OutboxIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject InstallationOutbox outbox;
  @Inject OutboxRelay relay;

  @BeforeEach
  void authenticate() {
    PlatformTokens.authenticateAs("platform-dev");
  }

  @AfterEach
  void cleanUp() {
    PlatformTokens.reset();
    releaseLease();
  }

  @Test
  void aStatusChangeWritesItsEventWithItAndTheRelaySendsThenDeletesIt() throws Throwable {
    holdLeaseElsewhere();
    String id =
        (String) Installs.create("{\"accountId\":\"outbox\",\"type\":\"DELEGATED\"}").get("id");
    given().delete("/installations/" + id).then().statusCode(204);

    // Committed with the changes, not sent: no replica may relay while another holds the lease.
    List<InstallationEvent> waiting = waiting(id);
    assertThat(waiting).extracting(InstallationEvent::status).containsExactly(PENDING, UNINSTALLED);

    releaseLease();
    relayPass();

    await().atMost(WAIT).until(() -> waiting(id).isEmpty());
    assertThat(publishedUntil(id, UNINSTALLED)).isEqualTo(waiting);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(given().get("/q/metrics").then().extract().asString())
                    .containsPattern("o365_auth_outbox_relayed_total [1-9]")
                    .contains("o365_auth_outbox_pending 0.0"));
  }

  @Test
  void aRolledBackTransactionLeavesNoEventBehind() throws Throwable {
    String id = UUID.randomUUID().toString();
    IllegalStateException failure = new IllegalStateException("the status change failed");

    assertThatThrownBy(
            () ->
                inTransaction(
                    () ->
                        outbox
                            .enqueue(event(id, ACTIVE))
                            .flatMap(enqueued -> Uni.createFrom().failure(failure))))
        .isSameAs(failure);
    assertThat(waiting(id)).isEmpty();

    // The next event of that installation is the first to arrive: the rolled-back one never left.
    inTransaction(() -> outbox.enqueue(event(id, UNINSTALLED)));
    relayPass();
    assertThat(publishedUntil(id, UNINSTALLED))
        .extracting(InstallationEvent::status)
        .containsExactly(UNINSTALLED);
  }

  @Test
  void anEventThatBreaksItsContractFailsTheTransaction() {
    String id = UUID.randomUUID().toString();
    InstallationEvent noTenant =
        new InstallationEvent(
            id,
            "outbox",
            null,
            InstallationType.APPLICATION,
            ACTIVE,
            null,
            null,
            Instant.now(),
            null);

    assertThatThrownBy(() -> inTransaction(() -> outbox.enqueue(noTenant)))
        .hasMessageContaining("tenantId");
    assertThat(waiting(id)).isEmpty();
  }

  @Test
  void eventsThatPiledUpWhileNothingCouldRelayArriveInOutboxOrder() throws Throwable {
    String id = UUID.randomUUID().toString();
    List<InstallationEvent> piled =
        List.of(
            event(id, PENDING),
            event(id, ACTIVE),
            event(id, REAUTH_REQUIRED),
            event(id, UNINSTALLED));
    holdLeaseElsewhere();
    for (InstallationEvent event : piled) {
      TestSql.execute(
          "insert into installation_outbox (installation_id, payload, created_at)"
              + " values (:id, :payload, now())",
          Map.of("id", UUID.fromString(id), "payload", InstallationEvents.json(event)));
    }

    releaseLease();
    relayPass();

    await().atMost(WAIT).until(() -> waiting(id).isEmpty());
    assertThat(publishedUntil(id, UNINSTALLED)).isEqualTo(piled);
  }

  @Test
  void aReplicaCannotRelayWhileAnotherHoldsTheLease() throws Throwable {
    String id = UUID.randomUUID().toString();
    holdLeaseElsewhere();
    inTransaction(() -> outbox.enqueue(event(id, ACTIVE)));

    assertThat(relayPass()).isZero();
    assertThat(waiting(id)).hasSize(1);

    releaseLease();
    relayPass();
    await().atMost(WAIT).until(() -> waiting(id).isEmpty());
    // Sent once, after the lease came free: a second send would show before the next event.
    inTransaction(() -> outbox.enqueue(event(id, UNINSTALLED)));
    relayPass();
    assertThat(publishedUntil(id, UNINSTALLED))
        .extracting(InstallationEvent::status)
        .containsExactly(ACTIVE, UNINSTALLED);
  }

  private int relayPass() throws Throwable {
    return VertxContextSupport.subscribeAndAwait(relay::relay);
  }

  private static <T> T inTransaction(Supplier<Uni<T>> work) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
  }

  private static InstallationEvent event(String id, InstallationStatus status) {
    return new InstallationEvent(
        id,
        "outbox",
        "tenant-7",
        InstallationType.DELEGATED,
        status,
        List.of("Mail.Read"),
        status.name().toLowerCase(),
        Instant.parse("2026-11-26T10:15:30Z"),
        null);
  }

  /** Another replica takes the lease; once a pass of ours has found it taken, none is in flight. */
  private void holdLeaseElsewhere() throws Throwable {
    TestSql.execute(
        "update job_lease set owner = 'other-replica', expires_at = now() + interval '5 minutes'"
            + " where name = 'installation-outbox'",
        Map.of());
    assertThat(relayPass()).isZero();
  }

  private static void releaseLease() {
    TestSql.execute(
        "update job_lease set expires_at = '-infinity' where name = 'installation-outbox'",
        Map.of());
  }
}
