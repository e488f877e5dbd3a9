package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.Tenant;
import java.util.Locale;
import java.util.Optional;

/** Reads the {@code {tenant}} path segment: GUID, domain, organizations, common, consumers. */
final class TenantResolver {

  /** What a segment names. */
  enum Kind {
    TENANT,
    ORGANIZATIONS,
    COMMON,
    CONSUMERS,
    UNKNOWN
  }

  /** A resolved segment; {@code tenant} is set for {@code TENANT} only. */
  record Authority(String segment, Kind kind, Tenant tenant) {

    /** {@code organizations} or {@code common}: the sign-in decides the tenant. */
    boolean multiTenant() {
      return kind == Kind.ORGANIZATIONS || kind == Kind.COMMON;
    }
  }

  private final Directory directory;

  TenantResolver(Directory directory) {
    this.directory = directory;
  }

  Authority resolve(String segment) {
    String lower = segment.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "organizations" -> new Authority(segment, Kind.ORGANIZATIONS, null);
      case "common" -> new Authority(segment, Kind.COMMON, null);
      case "consumers" -> new Authority(segment, Kind.CONSUMERS, null);
      default ->
          directory
              .tenant(segment)
              .map(t -> new Authority(segment, Kind.TENANT, t))
              .orElseGet(() -> new Authority(segment, Kind.UNKNOWN, null));
    };
  }

  /**
   * The tenant a sign-in lands in: the path's own, or for a multi-tenant authority the one the
   * {@code login_hint} (UPN domain or user id) or {@code domain_hint} names, else the first
   * customer tenant. Empty when a hint names no tenant.
   */
  Optional<Tenant> signInTenant(Authority authority, String loginHint, String domainHint) {
    if (authority.kind() == Kind.TENANT) {
      return Optional.of(authority.tenant());
    }
    return directory.locked(
        () -> {
          if (loginHint != null && !loginHint.isBlank()) {
            int at = loginHint.lastIndexOf('@');
            if (at >= 0) {
              return directory.tenant(loginHint.substring(at + 1)).filter(t -> !isPlatform(t));
            }
            return directory.tenants().stream()
                .filter(t -> !isPlatform(t) && t.users().get(loginHint).isPresent())
                .findFirst();
          }
          if (domainHint != null && !domainHint.isBlank()) {
            return directory.tenant(domainHint).filter(t -> !isPlatform(t));
          }
          return firstCustomerTenant();
        });
  }

  /** The first tenant that is not the platform's own. */
  Optional<Tenant> firstCustomerTenant() {
    return directory.locked(
        () -> directory.tenants().stream().filter(t -> !isPlatform(t)).findFirst());
  }

  boolean isPlatform(Tenant tenant) {
    return directory.platformTenant().map(p -> p == tenant).orElse(false);
  }
}
