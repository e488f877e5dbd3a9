package dev.o365connector.auth.installation;

import dev.o365connector.auth.config.AuthConfig;
import dev.o365connector.auth.consent.ConsentStateRepository;
import dev.o365connector.auth.consent.ConsentStates;
import dev.o365connector.auth.consent.ConsentUrls;
import dev.o365connector.auth.error.ApiProblem;
import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.auth.lifecycle.InstallationRepository;
import dev.o365connector.auth.lifecycle.InstallationTransitions;
import dev.o365connector.auth.token.IssuedTokenCache;
import dev.o365connector.auth.token.TokenVault;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
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
  private final InstallationTransitions transitions;
  private final AuthConfig config;
  private final Clock clock;

  InstallationService(
      InstallationRepository installations,
      ConsentStates states,
      ConsentStateRepository stateRows,
      ConsentUrls urls,
      TokenVault vault,
      IssuedTokenCache issuedTokens,
      InstallationTransitions transitions,
      AuthConfig config,
      Clock clock) {
    this.installations = installations;
    this.states = states;
    this.stateRows = stateRows;
    this.urls = urls;
    this.vault = vault;
    this.issuedTokens = issuedTokens;
    this.transitions = transitions;
    this.config = config;
    this.clock = clock;
  }

  /** A PENDING installation and the consent URL that activates it. */
  public Uni<InstallationView> create(CreateInstallationRequest request) {
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
    return transitions.create(installation, this::withConsentUrl);
  }

  @WithSession
  public Uni<InstallationView> get(UUID id) {
    return installations.require(id).map(i -> InstallationView.of(i, null));
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
    return installations
        .require(id)
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

  /** UNINSTALLED, with the tokens and pending states wiped in the same transaction. */
  public Uni<Void> uninstall(UUID id) {
    return transitions.uninstall(id, () -> forget(id)).replaceWithVoid();
  }

  /** Nothing of an uninstalled installation may still grant access. */
  private Uni<Void> forget(UUID id) {
    issuedTokens.evict(id);
    return vault.wipe(id).flatMap(wiped -> stateRows.deleteByInstallation(id)).replaceWithVoid();
  }

  private Uni<InstallationView> withConsentUrl(Installation installation) {
    return states
        .issue(installation, urls.authority(installation))
        .map(issued -> InstallationView.of(installation, urls.consentUrl(installation, issued)));
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
