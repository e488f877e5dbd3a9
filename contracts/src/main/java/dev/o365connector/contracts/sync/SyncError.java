package dev.o365connector.contracts.sync;

/**
 * Why a sync failed or was rejected.
 *
 * @param code stable, machine-readable, for example {@code installation_not_active}
 * @param message for humans; never contains tokens or secrets
 */
public record SyncError(String code, String message) {}
