package dev.o365connector.sync.run;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Sync runs in sync-worker's database, by request id. */
@ApplicationScoped
public class SyncRunRepository implements PanacheRepositoryBase<SyncRun, String> {}
