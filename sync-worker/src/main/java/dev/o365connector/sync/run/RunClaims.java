package dev.o365connector.sync.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.config.SyncConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs are claimed with leases in {@code sync_run}: one replica at a time holds a run, renews its
 * lease while working, and a run whose holder died is claimed again once the lease ran out. At most
 * one run per installation is in progress at any moment. Times are the database's.
 */
@ApplicationScoped
public class RunClaims {

  private static final ObjectMapper JSON = ContractJson.mapper();

  private final Pool pool;
  private final long leaseSeconds;
  private final String owner = UUID.randomUUID().toString();

  RunClaims(Pool pool, SyncConfig config) {
    this.pool = pool;
    this.leaseSeconds = Math.max(1, config.lease().toSeconds());
  }

  /** The oldest claimable run, now leased to this replica; empty when there is none. */
  public Uni<Optional<ClaimedRun>> claimNext() {
    return pool.preparedQuery(
            "update sync_run set state = 'RUNNING', lease_owner = $1,"
                + " lease_expires_at = now() + make_interval(secs => $2),"
                + " started_at = coalesce(started_at, now()), updated_at = now(), version = version + 1"
                + " where request_id = ("
                + "   select r.request_id from sync_run r"
                + "   where r.state in ('ACCEPTED', 'RUNNING')"
                + "     and (r.lease_expires_at is null or r.lease_expires_at < now())"
                + "     and not exists (select 1 from sync_run o where o.installation_id = r.installation_id"
                + "       and o.request_id <> r.request_id and o.state = 'RUNNING' and o.lease_expires_at >= now())"
                + "   order by r.accepted_at limit 1 for update skip locked)"
                + " returning request, accepted_at, started_at, trace_context")
        .execute(Tuple.of(owner, (double) leaseSeconds))
        .map(
            rows ->
                rows.rowCount() == 0
                    ? Optional.empty()
                    : Optional.of(claimed(rows.iterator().next())));
  }

  /** Extends the lease; false when this replica no longer holds it (another took the run over). */
  public Uni<Boolean> renew(String requestId) {
    return pool.preparedQuery(
            "update sync_run set lease_expires_at = now() + make_interval(secs => $3)"
                + " where request_id = $1 and lease_owner = $2 and state = 'RUNNING'")
        .execute(Tuple.of(requestId, owner, (double) leaseSeconds))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Ends the run as {@code result} says, with its counts and error, if this replica holds it. */
  Uni<Void> finish(String requestId, RunResult result) {
    SyncError error = result.error();
    return pool.preparedQuery(
            "update sync_run set state = $3, counts = $4, error_code = $5, error_message = $6,"
                + " finished_at = now(), updated_at = now(), lease_expires_at = null, version = version + 1"
                + " where request_id = $1 and lease_owner = $2")
        .execute(
            Tuple.of(requestId, owner, result.state().name(), new JsonObject(json(result.counts())))
                .addString(error == null ? null : error.code())
                .addString(error == null ? null : error.message()))
        .replaceWithVoid();
  }

  private static ClaimedRun claimed(Row row) {
    try {
      SyncRequest request = JSON.readValue(row.getValue("request").toString(), SyncRequest.class);
      return new ClaimedRun(
          request,
          row.getOffsetDateTime("accepted_at").toInstant(),
          row.getOffsetDateTime("started_at").toInstant(),
          traceContext(row.getJsonObject("trace_context")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored sync request no longer parses", e);
    }
  }

  private static String json(Map<Resource, ResourceCounts> counts) {
    try {
      return JSON.writeValueAsString(counts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> traceContext(JsonObject stored) {
    Map<String, String> headers = new HashMap<>();
    if (stored != null) {
      stored.forEach(e -> headers.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return headers;
  }
}
