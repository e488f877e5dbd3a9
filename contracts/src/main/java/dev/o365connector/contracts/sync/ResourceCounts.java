package dev.o365connector.contracts.sync;

/**
 * What a sync did for one resource so far.
 *
 * @param upserts upsert change events published
 * @param deletes delete change events published
 * @param pages delta or list pages read
 * @param graphRequests requests sent to Graph, retries included
 * @param skippedOwners users skipped because they have no mailbox or drive (APPLICATION fan-out)
 */
public record ResourceCounts(
    long upserts, long deletes, long pages, long graphRequests, long skippedOwners) {}
