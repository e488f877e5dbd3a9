package dev.o365connector.auth.lifecycle;

import dev.o365connector.auth.error.ApiProblem;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Installations in auth-service's database. Read them here; change their status only through {@link
 * InstallationTransitions}.
 */
@ApplicationScoped
public class InstallationRepository implements PanacheRepositoryBase<Installation, UUID> {

  /** Every installation of one platform account, newest first. */
  public Uni<List<Installation>> listByAccount(String accountId) {
    return list("accountId = ?1 order by createdAt desc", accountId);
  }

  /** The installation, or a 404 problem (as the Uni's failure) when there is none. */
  public Uni<Installation> require(UUID id) {
    return findById(id).onItem().ifNull().failWith(() -> ApiProblem.notFound("Installation " + id));
  }
}
