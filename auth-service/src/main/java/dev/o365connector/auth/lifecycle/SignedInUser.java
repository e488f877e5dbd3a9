package dev.o365connector.auth.lifecycle;

/**
 * Who a DELEGATED consent signed in, from the id token (or, without one, the access token); any
 * part may be null when the token lacks its claim.
 */
public record SignedInUser(String tenantId, String objectId, String username) {}
