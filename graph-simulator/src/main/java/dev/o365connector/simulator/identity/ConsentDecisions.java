package dev.o365connector.simulator.identity;

/** Scripted declines (AADSTS65004) of the next user or admin consent. */
public final class ConsentDecisions {

  private int userDeclines;
  private int adminDeclines;

  /** The next authorize request that would consent answers {@code access_denied} instead. */
  public synchronized void declineNextUserConsent() {
    userDeclines++;
  }

  /** The next admin consent answers {@code access_denied} instead of granting. */
  public synchronized void declineNextAdminConsent() {
    adminDeclines++;
  }

  synchronized boolean takeUserDecline() {
    if (userDeclines == 0) {
      return false;
    }
    userDeclines--;
    return true;
  }

  synchronized boolean takeAdminDecline() {
    if (adminDeclines == 0) {
      return false;
    }
    adminDeclines--;
    return true;
  }
}
