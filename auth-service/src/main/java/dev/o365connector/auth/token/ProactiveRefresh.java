package dev.o365connector.auth.token;

import dev.o365connector.auth.config.AuthConfig;
import dev.o365connector.auth.lease.JobLease;
import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.auth.lifecycle.InstallationRepository;
import dev.o365connector.auth.microsoft.EntraException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refreshes DELEGATED tokens nobody has renewed for a while ({@code
 * o365.auth.proactive-refresh.idle}, default 7 days), so a refresh token never dies of inactivity
 * (Entra: 90 days, AADSTS700082). One replica at a time, by a lease in the database.
 */
@ApplicationScoped
public class ProactiveRefresh {

  private static final Logger LOG = Logger.getLogger(ProactiveRefresh.class);

  private static final int BATCH = 200;

  private final InstallationRepository installations;
  private final RefreshCoordinator coordinator;
  private final TokenVault vault;
  private final AuthConfig config;
  private final Clock clock;
  private final CustomerMustAct customer;
  private final JobLease lease = new JobLease("proactive-refresh", Duration.ofMinutes(10));

  ProactiveRefresh(
      InstallationRepository installations,
      RefreshCoordinator coordinator,
      TokenVault vault,
      AuthConfig config,
      Clock clock,
      CustomerMustAct customer) {
    this.customer = customer;
    this.installations = installations;
    this.coordinator = coordinator;
    this.vault = vault;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      every = "${o365.auth.proactive-refresh.every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return runOnce().replaceWithVoid();
  }

  /** One pass: how many tokens it refreshed (0 when another replica holds the lease). */
  public Uni<Integer> runOnce() {
    return lease
        .acquire()
        .flatMap(
            held -> {
              if (!held) {
                return Uni.createFrom().item(0);
              }
              return Panache.withSession(this::due)
                  .flatMap(
                      due ->
                          Multi.createFrom()
                              .iterable(due)
                              .onItem()
                              .transformToUniAndConcatenate(this::refresh)
                              .collect()
                              .asList()
                              .map(results -> (int) results.stream().filter(ok -> ok).count()))
                  .call(lease::release);
            });
  }

  /** Active DELEGATED installations whose tokens were last renewed before the idle limit. */
  private Uni<List<Installation>> due() {
    Instant before = clock.instant().minus(config.proactiveRefresh().idle());
    return installations
        .find(
            "from Installation i where i.type = dev.o365connector.contracts.installation.InstallationType.DELEGATED"
                + " and i.status = dev.o365connector.contracts.installation.InstallationStatus.ACTIVE"
                + " and i.id in (select t.installationId from StoredToken t where t.refreshedAt < ?1)",
            before)
        .page(0, BATCH)
        .list();
  }

  private Uni<Boolean> refresh(Installation installation) {
    return Panache.withSession(() -> vault.load(installation.id))
        .flatMap(
            stored ->
                coordinator.renew(
                    installation,
                    config.accessTokenMargin(),
                    stored.map(TokenSet::accessToken).orElse(null)))
        .map(tokens -> true)
        .onFailure(e -> e instanceof EntraException entra && CustomerMustAct.applies(entra))
        .recoverWithUni(
            e -> {
              // Found before any caller needed a token: tell the platform now, not at next use.
              LOG.infof(
                  "Proactive refresh of installation %s: the customer must sign in again (%s)",
                  installation.id, ((EntraException) e).kind());
              return customer.record(installation.id, (EntraException) e).replaceWith(false);
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              // One installation's failure (e.g. a revoked grant) must not stop the others.
              LOG.warnf(
                  "Proactive refresh of installation %s failed: %s",
                  installation.id, e.getClass().getSimpleName());
              return false;
            });
  }
}
