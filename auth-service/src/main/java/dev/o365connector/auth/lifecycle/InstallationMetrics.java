package dev.o365connector.auth.lifecycle;

import dev.o365connector.auth.config.AuthConfig;
import dev.o365connector.contracts.installation.InstallationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code o365_auth_installations{status}}: installations by status, counted in the database
 * periodically (a gauge must not query on scrape), so every replica reports the same numbers.
 */
@Startup
@ApplicationScoped
public class InstallationMetrics {

  private static final Logger LOG = Logger.getLogger(InstallationMetrics.class);

  private final Map<InstallationStatus, AtomicLong> counts =
      new EnumMap<>(InstallationStatus.class);
  private final Pool pool;
  private final Vertx vertx;
  private final long timer;

  InstallationMetrics(MeterRegistry registry, Pool pool, Vertx vertx, AuthConfig config) {
    this.pool = pool;
    this.vertx = vertx;
    for (InstallationStatus status : InstallationStatus.values()) {
      AtomicLong count = new AtomicLong();
      counts.put(status, count);
      Gauge.builder("o365.auth.installations", count, AtomicLong::get)
          .description("Installations by status")
          .tag("status", status.name())
          .register(registry);
    }
    refresh();
    this.timer = vertx.setPeriodic(config.installationMetricsPeriod().toMillis(), id -> refresh());
  }

  private void refresh() {
    pool.query("SELECT status, count(*) AS n FROM installation GROUP BY status")
        .execute()
        .subscribe()
        .with(
            rows -> {
              counts.values().forEach(c -> c.set(0));
              for (Row row : rows) {
                counts
                    .get(InstallationStatus.valueOf(row.getString("status")))
                    .set(row.getLong("n"));
              }
            },
            failure -> LOG.debugf("Could not count installations: %s", failure.getMessage()));
  }

  @PreDestroy
  void stop() {
    vertx.cancelTimer(timer);
  }
}
