package dev.o365connector.auth.installation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Installations in auth-service's database. */
@ApplicationScoped
public class InstallationRepository implements PanacheRepositoryBase<Installation, UUID> {

  /** Every installation of one platform account, newest first. */
  public Uni<List<Installation>> listByAccount(String accountId) {
    return list("accountId = ?1 order by createdAt desc", accountId);
  }
}
