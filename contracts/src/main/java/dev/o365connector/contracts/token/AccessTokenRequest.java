package dev.o365connector.contracts.token;

/**
 * Body of auth-service's {@code POST /installations/{id}/access-token}.
 *
 * @param forceRefresh renew even if the cached token looks valid (Graph answered 401 to it)
 */
public record AccessTokenRequest(boolean forceRefresh) {}
