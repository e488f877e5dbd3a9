package dev.o365connector.contracts.installation;

/** DELEGATED: a user signed in, {@code /me} data. APPLICATION: admin consent, every user's data. */
public enum InstallationType {
  DELEGATED,
  APPLICATION
}
