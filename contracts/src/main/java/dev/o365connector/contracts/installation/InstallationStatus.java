package dev.o365connector.contracts.installation;

/** Lifecycle state of an installation. */
public enum InstallationStatus {
  PENDING,
  ACTIVE,
  REAUTH_REQUIRED,
  FAILED,
  UNINSTALLED
}
