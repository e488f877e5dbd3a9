package dev.o365connector.simulator.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the simulator knows: tenants, app registrations, the platform's internal clients. One
 * lock guards it all; the HTTP handlers and the Java API both go through {@link #locked}.
 */
public final class Directory {

  private final Ids ids;
  private final Map<String, Tenant> tenants = new LinkedHashMap<>();
  private final Map<String, AppRegistration> apps = new LinkedHashMap<>();
  private final Map<String, InternalClient> internalClients = new LinkedHashMap<>();
  private Tenant platformTenant;

  public Directory(long seed) {
    this.ids = new Ids(seed);
  }

  /** Runs {@code action} while holding the directory's lock. */
  public synchronized <R> R locked(Supplier<R> action) {
    return action.get();
  }

  /** Runs {@code action}, which answers nothing, while holding the directory's lock. */
  public synchronized void locked(Runnable action) {
    action.run();
  }

  public Ids ids() {
    return ids;
  }

  public synchronized Tenant addTenant(Tenant tenant) {
    tenants.put(tenant.id(), tenant);
    return tenant;
  }

  /** A tenant by GUID or by domain ({@code contoso.onmicrosoft.com}), case-insensitive. */
  public synchronized Optional<Tenant> tenant(String idOrDomain) {
    if (idOrDomain == null) {
      return Optional.empty();
    }
    Tenant byId = tenants.get(idOrDomain.toLowerCase());
    if (byId != null) {
      return Optional.of(byId);
    }
    return tenants.values().stream()
        .filter(t -> t.domain().equalsIgnoreCase(idOrDomain))
        .findFirst();
  }

  public synchronized Collection<Tenant> tenants() {
    return List.copyOf(tenants.values());
  }

  public synchronized AppRegistration register(AppRegistration app) {
    apps.put(app.clientId(), app);
    return app;
  }

  public synchronized Optional<AppRegistration> app(String clientId) {
    return Optional.ofNullable(apps.get(clientId));
  }

  public synchronized Collection<AppRegistration> apps() {
    return List.copyOf(apps.values());
  }

  /** Makes {@code tenant} the platform's own OIDC provider for service-to-service tokens. */
  public synchronized void setPlatformTenant(Tenant tenant, List<InternalClient> clients) {
    addTenant(tenant);
    platformTenant = tenant;
    clients.forEach(c -> internalClients.put(c.clientId(), c));
  }

  public synchronized Optional<Tenant> platformTenant() {
    return Optional.ofNullable(platformTenant);
  }

  public synchronized Optional<InternalClient> internalClient(String clientId) {
    return Optional.ofNullable(internalClients.get(clientId));
  }

  public synchronized List<InternalClient> internalClients() {
    return new ArrayList<>(internalClients.values());
  }
}
