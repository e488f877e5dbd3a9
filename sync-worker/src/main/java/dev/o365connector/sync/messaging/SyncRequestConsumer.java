package dev.o365connector.sync.messaging;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.permission.GraphPermissions;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import dev.o365connector.contracts.validation.ContractViolationException;
import dev.o365connector.sync.config.SyncConfig;
import dev.o365connector.sync.installation.known.KnownInstallation;
import dev.o365connector.sync.installation.known.KnownInstallations;
import dev.o365connector.sync.metrics.SyncMetrics;
import dev.o365connector.sync.run.RunPoller;
import dev.o365connector.sync.run.SyncRunService;
import dev.o365connector.sync.status.StatusPublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code o365.sync.requests}. A request that can never run (too large, not JSON, breaking its
 * schema, for an unknown or inactive installation, or for resources the installation may not read)
 * fails at once: it goes to the DLQ with the reason, and a REJECTED status event when its requestId
 * is known. A valid one is persisted (ACCEPTED, with a status event) before its offset is
 * committed, retrying while the database is unreachable rather than dropping a request that is
 * fine. A repeated requestId starts no second run.
 */
@ApplicationScoped
public class SyncRequestConsumer {

  private static final Logger LOG = Logger.getLogger(SyncRequestConsumer.class);

  /** Far above any real request (a few hundred bytes, userIds included). */
  static final int MAX_BYTES = 256 * 1024;

  private static final Duration PENDING_POLL = Duration.ofMillis(200);

  private final ContractValidator validator;
  private final SyncRunService runs;
  private final KnownInstallations installations;
  private final StatusPublisher status;
  private final SyncMetrics metrics;
  private final RunPoller poller;
  private final SyncConfig config;

  SyncRequestConsumer(
      ContractValidator validator,
      SyncRunService runs,
      KnownInstallations installations,
      StatusPublisher status,
      SyncMetrics metrics,
      RunPoller poller,
      SyncConfig config) {
    this.validator = validator;
    this.runs = runs;
    this.installations = installations;
    this.status = status;
    this.metrics = metrics;
    this.poller = poller;
    this.config = config;
  }

  @Incoming("sync-requests")
  public Uni<Void> consume(byte[] payload) {
    if (payload == null || payload.length > MAX_BYTES) {
      return reject(payload, new RejectedRequest("oversized", "more than " + MAX_BYTES + " bytes"));
    }
    SyncRequest request;
    try {
      request = validator.readValid(ContractSchema.SYNC_REQUEST, payload, SyncRequest.class);
    } catch (ContractViolationException e) {
      return reject(payload, new RejectedRequest("invalid-request", e.reason()));
    }
    long waitUntil = System.nanoTime() + config.pendingInstallationWait().toNanos();
    return installations
        .find(request.installationId())
        .flatMap(known -> settled(request.installationId(), known, waitUntil))
        .flatMap(
            known -> {
              Optional<RejectedRequest> refusal = refusal(request, known);
              if (refusal.isPresent()) {
                return reject(payload, refusal.get());
              }
              return accept(request, new String(payload, StandardCharsets.UTF_8));
            });
  }

  /**
   * The installation once it is no longer PENDING, or as it is when the wait is over: a request can
   * overtake the ACTIVE event of an installation whose consent just completed.
   */
  private Uni<Optional<KnownInstallation>> settled(
      String installationId, Optional<KnownInstallation> known, long waitUntil) {
    boolean pending = known.isPresent() && known.get().status() == InstallationStatus.PENDING;
    if (!pending || System.nanoTime() > waitUntil) {
      return Uni.createFrom().item(known);
    }
    return Uni.createFrom()
        .voidItem()
        .onItem()
        .delayIt()
        .by(PENDING_POLL)
        .flatMap(x -> installations.find(installationId))
        .flatMap(again -> settled(installationId, again, waitUntil));
  }

  private static Optional<RejectedRequest> refusal(
      SyncRequest request, Optional<KnownInstallation> known) {
    if (known.isEmpty()) {
      return Optional.of(
          new RejectedRequest(
              "unknown-installation",
              "no installation "
                  + request.installationId()
                  + " was announced on o365.installations"));
    }
    KnownInstallation installation = known.get();
    if (installation.status() != InstallationStatus.ACTIVE) {
      return Optional.of(
          new RejectedRequest(
              "installation-not-active", "installation is " + installation.status()));
    }
    if (request.resources() != null) {
      Set<Resource> readable =
          GraphPermissions.readable(installation.grantedPermissions(), installation.type());
      String missing =
          request.resources().stream()
              .filter(r -> !readable.contains(r))
              .map(r -> r.value() + " needs " + GraphPermissions.required(r, installation.type()))
              .collect(Collectors.joining(", "));
      if (!missing.isEmpty()) {
        return Optional.of(new RejectedRequest("permission-missing", missing));
      }
    }
    return Optional.empty();
  }

  private Uni<Void> accept(SyncRequest request, String json) {
    return runs.accept(request, json)
        .onFailure()
        .invoke(
            e ->
                LOG.warnf(
                    "Could not persist sync request %s, retrying: %s", request.requestId(), e))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
        .indefinitely()
        .flatMap(
            created ->
                created.isEmpty()
                    ? Uni.createFrom().voidItem() // a repeated requestId: the first run stands
                    : status.accepted(request, created.get().acceptedAt).invoke(poller::claimNow));
  }

  /** Fails the record (to the DLQ) after a REJECTED status event, when the request names itself. */
  private Uni<Void> reject(byte[] payload, RejectedRequest rejection) {
    LOG.warnf("Rejected sync request: %s", rejection.getMessage());
    metrics.rejected(rejection.code());
    Optional<Named> named = named(payload);
    Uni<Void> announce =
        named.isEmpty()
            ? Uni.createFrom().voidItem()
            : status.rejected(
                named.get().requestId(),
                named.get().installationId(),
                new SyncError(rejection.code(), rejection.getMessage()));
    return announce.onFailure().recoverWithNull().flatMap(x -> Uni.createFrom().failure(rejection));
  }

  private record Named(String requestId, String installationId) {}

  /** The request's {@code requestId} and {@code installationId}, when it names both. */
  private static Optional<Named> named(byte[] payload) {
    if (payload == null || payload.length > MAX_BYTES) {
      return Optional.empty();
    }
    try {
      JsonObject json = new JsonObject(new String(payload, StandardCharsets.UTF_8));
      String requestId = json.getString("requestId");
      String installationId = json.getString("installationId");
      if (requestId == null
          || installationId == null
          || requestId.isBlank()
          || installationId.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(new Named(requestId, installationId));
    } catch (RuntimeException notUsable) {
      return Optional.empty(); // not JSON, or ids of the wrong type: the DLQ record says why
    }
  }
}
