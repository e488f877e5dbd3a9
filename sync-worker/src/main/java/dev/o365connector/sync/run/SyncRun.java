package dev.o365connector.sync.run;

import dev.o365connector.contracts.sync.SyncMode;
import dev.o365connector.contracts.sync.SyncState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One accepted sync request and where its work stands. */
@Entity
@Table(name = "sync_run")
public class SyncRun {

  @Id
  @Column(name = "request_id")
  public String requestId;

  @Column(name = "installation_id", nullable = false)
  public String installationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SyncMode mode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SyncState state;

  /** The validated SyncRequest JSON as received. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public String request;

  /** Propagation headers of the trace the request was accepted in (RunTrace); null if none. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "trace_context")
  public String traceContext;

  @Column(name = "accepted_at", nullable = false)
  public Instant acceptedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;
}
