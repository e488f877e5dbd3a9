package dev.o365connector.auth.token;

/**
 * {@code POST /installations/{id}/access-token} body.
 *
 * @param forceRefresh renew even a cached token (Graph just answered 401 with it)
 */
public record AccessTokenRequest(boolean forceRefresh) {}
