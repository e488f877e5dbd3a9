package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** The identity platform's mutable state for one simulator; see {@link #of}. */
public final class IdentityState {

  // SimulatorContext has no slot for identity state, so it is attached here, per context.
  private static final Map<SimulatorContext, IdentityState> STATES =
      Collections.synchronizedMap(new WeakHashMap<>());

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
    return STATES.computeIfAbsent(context, IdentityState::new);
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
