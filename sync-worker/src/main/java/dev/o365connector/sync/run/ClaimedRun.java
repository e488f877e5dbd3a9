package dev.o365connector.sync.run;

import dev.o365connector.contracts.sync.SyncRequest;
import java.time.Instant;

/** A run this replica holds the lease of, with the request it came from. */
public record ClaimedRun(SyncRequest request, Instant acceptedAt, Instant startedAt) {}
