package dev.o365connector.sync.owner;

/**
 * One user whose data a run reads.
 *
 * @param id the user's id (the {@code ownerId} of their changes)
 * @param base the gateway URL their resources hang off: {@code .../me} or {@code .../users/{id}}
 */
public record Owner(String id, String base) {}
