package dev.o365connector.auth.lifecycle;

import static dev.o365connector.contracts.installation.InstallationStatus.ACTIVE;
import static dev.o365connector.contracts.installation.InstallationStatus.FAILED;
import static dev.o365connector.contracts.installation.InstallationStatus.PENDING;
import static dev.o365connector.contracts.installation.InstallationStatus.REAUTH_REQUIRED;
import static dev.o365connector.contracts.installation.InstallationStatus.UNINSTALLED;

import dev.o365connector.contracts.installation.InstallationStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one place an installation's status changes. Each change is checked against {@link #NEXT},
 * then the row, whatever must commit with it, and its event in the outbox are written in one
 * transaction; the relay is woken once that transaction has committed. A change the current status
 * does not allow writes nothing and announces nothing: the installation comes back as it is.
 */
@ApplicationScoped
public class InstallationTransitions {

  private static final Logger LOG = Logger.getLogger(InstallationTransitions.class);

  /**
   * Where each status may go. A consent (re-consent included) ends ACTIVE or FAILED from anything
   * but UNINSTALLED, which is final; only an ACTIVE installation's renewal can find that the
   * customer must act, and the first to find it says so.
   */
  private static final Map<InstallationStatus, Set<InstallationStatus>> NEXT =
      Map.of(
          PENDING, EnumSet.of(ACTIVE, FAILED, UNINSTALLED),
          ACTIVE, EnumSet.of(ACTIVE, FAILED, REAUTH_REQUIRED, UNINSTALLED),
          FAILED, EnumSet.of(ACTIVE, FAILED, UNINSTALLED),
          REAUTH_REQUIRED, EnumSet.of(ACTIVE, FAILED, UNINSTALLED),
          UNINSTALLED, EnumSet.noneOf(InstallationStatus.class));

  /** For changes that commit nothing besides the row and its event. */
  private static final Supplier<Uni<Void>> NOTHING_ELSE = () -> Uni.createFrom().voidItem();

  private final InstallationRepository installations;
  private final InstallationOutbox outbox;
  private final Clock clock;

  InstallationTransitions(
      InstallationRepository installations, InstallationOutbox outbox, Clock clock) {
    this.installations = installations;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Whether an installation in status {@code from} may move to {@code to}. */
  private static boolean allowed(InstallationStatus from, InstallationStatus to) {
    return NEXT.get(from).contains(to);
  }

  /**
   * Persists a new PENDING installation with its event; {@code alongside} (issuing its consent
   * state) runs in the same transaction and gives the result.
   */
  public <T> Uni<T> create(Installation pending, Function<Installation, Uni<T>> alongside) {
    return committed(
        () -> installations.persist(pending).flatMap(this::announce).flatMap(alongside::apply));
  }

  /**
   * A consent succeeded: ACTIVE with what it granted and who signed in ({@code user} null for
   * APPLICATION); {@code alongside} stores the tokens in the same transaction.
   */
  public Uni<Installation> activate(
      UUID id, Set<String> granted, SignedInUser user, Supplier<Uni<Void>> alongside) {
    return change(id, ACTIVE, null, i -> i.granted(granted, user), alongside);
  }

  /** A consent was declined or could not be completed. */
  public Uni<Installation> fail(UUID id, String reason) {
    return change(id, FAILED, reason, i -> {}, NOTHING_ELSE);
  }

  /** A renewal found a failure only the customer can fix by consenting again. */
  public Uni<Installation> requireReauth(UUID id, String reason) {
    return change(id, REAUTH_REQUIRED, reason, i -> {}, NOTHING_ELSE);
  }

  /**
   * UNINSTALLED; {@code alongside} wipes tokens and consent states in the same transaction.
   * Uninstalling again changes nothing.
   */
  public Uni<Installation> uninstall(UUID id, Supplier<Uni<Void>> alongside) {
    return change(id, UNINSTALLED, "uninstalled", i -> {}, alongside);
  }

  private Uni<Installation> change(
      UUID id,
      InstallationStatus to,
      String reason,
      Consumer<Installation> details,
      Supplier<Uni<Void>> alongside) {
    return committed(
        () ->
            installations
                .require(id)
                .flatMap(
                    installation -> {
                      if (!allowed(installation.status, to)) {
                        LOG.debugf(
                            "Installation %s stays %s: it cannot become %s",
                            id, installation.status, to);
                        return Uni.createFrom().item(installation);
                      }
                      installation.changeStatus(to, reason, clock.instant());
                      details.accept(installation);
                      return alongside.get().flatMap(done -> announce(installation));
                    }));
  }

  /**
   * Flushes the row before enqueuing: its UPDATE takes the row lock, so one installation's outbox
   * rows are numbered in the order its changes commit.
   */
  private Uni<Installation> announce(Installation installation) {
    return installations
        .flush()
        .flatMap(flushed -> outbox.enqueue(installation.toEvent()))
        .replaceWith(installation);
  }

  /** Not @WithTransaction: the relay is woken once the transaction has committed. */
  private <T> Uni<T> committed(Supplier<Uni<T>> work) {
    return Panache.withTransaction(work).invoke(outbox::relaySoon);
  }
}
