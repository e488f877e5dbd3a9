package dev.o365connector.sync.status;

import java.time.Instant;

/**
 * The run a status is about: its ids and the times known so far.
 *
 * @param startedAt null while the run was never started
 */
public record RunRef(
    String requestId, String installationId, Instant acceptedAt, Instant startedAt) {}
