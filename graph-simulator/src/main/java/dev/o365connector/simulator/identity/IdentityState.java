package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;

/** The identity platform's mutable state for one simulator; see {@link #of}. */
public final class IdentityState {

  private final AuthorizationCodes codes = new AuthorizationCodes();
  private final RefreshTokens refreshTokens;
  private final ConsentPrompts prompts = new ConsentPrompts();
  private final ConsentDecisions decisions = new ConsentDecisions();
  private final IdentityCounters counters = new IdentityCounters();

  private IdentityState(SimulatorContext context) {
    this.refreshTokens =
        new RefreshTokens(context.clock(), context.config().refreshTokenInactivity());
  }

  /** The state of the simulator {@code context} belongs to, created on first use. */
  public static IdentityState of(SimulatorContext context) {
    return context.component(IdentityState.class, IdentityState::new);
  }

  public AuthorizationCodes codes() {
    return codes;
  }

  /** Refresh tokens; {@link RefreshTokens#revokeRefreshTokens} revokes a user's sessions. */
  public RefreshTokens refreshTokens() {
    return refreshTokens;
  }

  public ConsentDecisions consentDecisions() {
    return decisions;
  }

  public IdentityCounters counters() {
    return counters;
  }

  ConsentPrompts prompts() {
    return prompts;
  }
}
