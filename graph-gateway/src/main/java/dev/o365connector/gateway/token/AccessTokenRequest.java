package dev.o365connector.gateway.token;

/** Body of auth-service's {@code POST /installations/{id}/access-token}. */
record AccessTokenRequest(boolean forceRefresh) {}
