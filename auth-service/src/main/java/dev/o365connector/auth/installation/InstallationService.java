package dev.o365connector.auth.installation;

import dev.o365connector.auth.callback.ConsentStateRepository;
import dev.o365connector.auth.callback.ConsentStates;
import dev.o365connector.auth.callback.ConsentUrls;
import dev.o365connector.auth.config.AuthConfig;
import dev.o365connector.auth.error.ApiProblem;
import dev.o365connector.auth.token.IssuedTokenCache;
import dev.o365connector.auth.token.TokenVault;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Creating, reading, re-consenting and uninstalling installations. */
@ApplicationScoped
public class InstallationService {

  private static final Pattern TENANT_GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final InstallationRepository installations;
  private final ConsentStates states;
  private final ConsentStateRepository stateRows;
  private final ConsentUrls urls;
  private final TokenVault vault;
  private final IssuedTokenCache issuedTokens;
  private final InstallationOutbox outbox;
  private final AuthConfig config;
  private final Clock clock;

  InstallationService(
      InstallationRepository installations,
      ConsentStates states,
      ConsentStateRepository stateRows,
      ConsentUrls urls,
      TokenVault vault,
      IssuedTokenCache issuedTokens,
      InstallationOutbox outbox,
      AuthConfig config,
      Clock clock) {
    this.installations = installations;
    this.states = states;
    this.stateRows = stateRows;
    this.urls = urls;
    this.vault = vault;
    this.issuedTokens = issuedTokens;
    this.outbox = outbox;
    this.config = config;
    this.clock = clock;
  }

  /** A PENDING installation and the consent URL that activates it. */
  public Uni<InstallationView> create(CreateInstallationRequest request) {
    // Not @WithTransaction: the relay is nudged once the transaction has committed.
    return Panache.withTransaction(() -> persistPending(request)).invoke(outbox::relaySoon);
  }

  private Uni<InstallationView> persistPending(CreateInstallationRequest request) {
    validate(request);
    Installation installation =
        Installation.pending(
            request.accountId(), request.type(), normalisedTenant(request), clock.instant());
    Set<Resource> resources =
        request.resources() == null || request.resources().isEmpty()
            ? EnumSet.allOf(Resource.class)
            : EnumSet.copyOf(request.resources());
    installation.resources =
        resources.stream().map(Resource::value).collect(Collectors.joining(" "));
    installation.returnUrl = request.returnUrl();
    return installations
        .persist(installation)
        .flatMap(saved -> outbox.enqueue(saved.toEvent()).replaceWith(saved))
        .flatMap(this::withConsentUrl);
  }

  @WithSession
  public Uni<InstallationView> get(UUID id) {
    return find(id).map(i -> InstallationView.of(i, null));
  }

  @WithSession
  public Uni<List<InstallationView>> list(String accountId) {
    return installations
        .listByAccount(accountId)
        .map(all -> all.stream().map(i -> InstallationView.of(i, null)).toList());
  }

  /** A new consent URL for an existing installation (re-consent, more permissions, re-auth). */
  @WithTransaction
  public Uni<InstallationView> consent(UUID id) {
    return find(id)
        .invoke(
            i -> {
              if (i.status == InstallationStatus.UNINSTALLED) {
                throw new ApiProblem(
                    409,
                    "installation-uninstalled",
                    "Installation uninstalled",
                    "Installation " + id + " is UNINSTALLED; create a new one");
              }
            })
        .flatMap(this::withConsentUrl);
  }

  /** Wipes the tokens and pending states and enqueues UNINSTALLED, all in one transaction. */
  public Uni<Void> uninstall(UUID id) {
    return Panache.withTransaction(() -> markUninstalled(id)).invoke(outbox::relaySoon);
  }

  private Uni<Void> markUninstalled(UUID id) {
    return find(id)
        .flatMap(
            i -> {
              if (i.status == InstallationStatus.UNINSTALLED) {
                return Uni.createFrom().voidItem();
              }
              i.changeStatus(InstallationStatus.UNINSTALLED, "uninstalled", clock.instant());
              issuedTokens.evict(i.id);
              return vault
                  .wipe(i.id)
                  .flatMap(ignored -> stateRows.deleteByInstallation(i.id))
                  .flatMap(ignored -> installations.flush())
                  .flatMap(ignored -> outbox.enqueue(i.toEvent()));
            });
  }

  private Uni<InstallationView> withConsentUrl(Installation installation) {
    return states
        .issue(installation, urls.authority(installation))
        .map(issued -> InstallationView.of(installation, urls.consentUrl(installation, issued)));
  }

  private Uni<Installation> find(UUID id) {
    return installations
        .findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiProblem.notFound("Installation " + id));
  }

  private void validate(CreateInstallationRequest request) {
    if (request.type() == InstallationType.APPLICATION
        && (request.tenantId() == null || !TENANT_GUID.matcher(request.tenantId()).matches())) {
      throw ApiProblem.invalid(
          "tenantId: APPLICATION installations need the customer's tenant GUID (Directory ID)");
    }
    if (request.tenantId() != null && !request.tenantId().matches("[A-Za-z0-9.-]{1,64}")) {
      throw ApiProblem.invalid("tenantId: not a tenant GUID or domain");
    }
    if (request.returnUrl() != null
        && config.returnUrlPrefixes().orElse(List.of()).stream()
            .noneMatch(prefix -> !prefix.isBlank() && request.returnUrl().startsWith(prefix))) {
      throw ApiProblem.invalid(
          "returnUrl: not under an allowed prefix (o365.auth.return-url-prefixes)");
    }
  }

  private static String normalisedTenant(CreateInstallationRequest request) {
    return request.tenantId() == null ? null : request.tenantId().toLowerCase();
  }
}
