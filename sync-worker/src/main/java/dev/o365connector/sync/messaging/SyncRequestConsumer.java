package dev.o365connector.sync.messaging;

import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import dev.o365connector.contracts.validation.ContractViolationException;
import dev.o365connector.sync.run.SyncRunService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code o365.sync.requests}. A request that breaks its schema fails at once and goes to the
 * DLQ; a valid one is persisted before its offset is committed, retrying while the database is
 * unreachable rather than dropping or dead-lettering a request that is fine.
 */
@ApplicationScoped
public class SyncRequestConsumer {

  private static final Logger LOG = Logger.getLogger(SyncRequestConsumer.class);

  private final ContractValidator validator;
  private final SyncRunService runs;

  SyncRequestConsumer(ContractValidator validator, SyncRunService runs) {
    this.validator = validator;
    this.runs = runs;
  }

  @Incoming("sync-requests")
  public Uni<Void> consume(byte[] payload) {
    SyncRequest request;
    try {
      request = validator.readValid(ContractSchema.SYNC_REQUEST, payload, SyncRequest.class);
    } catch (ContractViolationException e) {
      LOG.warnf("Rejected sync request: %s", e.reason());
      return Uni.createFrom().failure(e);
    }
    return runs.accept(request, new String(payload, StandardCharsets.UTF_8))
        .onFailure()
        .invoke(
            e ->
                LOG.warnf(
                    "Could not persist sync request %s, retrying: %s", request.requestId(), e))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
        .indefinitely()
        .replaceWithVoid();
  }
}
