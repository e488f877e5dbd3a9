package dev.o365connector.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How the worker reaches Graph (through the gateway) and runs its work. */
@ConfigMapping(prefix = "o365.sync")
public interface SyncConfig {

  /** graph-gateway's base URL: env {@code O365_GATEWAY_URL}. All Graph traffic goes through it. */
  URI gatewayUrl();

  /**
   * How long a claimed run stays this replica's without renewal; a dead replica's runs wait this
   * long.
   */
  @WithDefault("PT60S")
  Duration lease();

  /** How often the worker looks for runs to claim. */
  @WithDefault("PT1S")
  Duration pollEvery();

  /** Runs one replica executes at the same time. */
  @WithDefault("4")
  int maxConcurrentRuns();

  /**
   * Items per Graph page asked for ({@code Prefer: odata.maxpagesize}); Graph's default when
   * absent.
   */
  Optional<Integer> pageSize();

  /**
   * Whether an installation that becomes ACTIVE gets an initial FULL sync on its own; off when the
   * platform sends every sync request itself.
   */
  @WithDefault("true")
  boolean initialSync();

  /**
   * How long a request for an installation still PENDING waits for its ACTIVE event before it is
   * rejected: the request and the event travel on different topics, and a platform that installs
   * and asks for a sync at once can overtake the event.
   */
  @WithDefault("PT5S")
  Duration pendingInstallationWait();

  /**
   * Owners (mailboxes, calendars, drives) of one resource synced at the same time by one run; the
   * gateway allows 4 requests in flight per mailbox, each owner uses one.
   */
  @WithDefault("4")
  int ownersInParallel();

  /** The calendarView window of calendar syncs. */
  CalendarView calendar();

  /** The calendarView window: how far back and ahead, and how often it moves on. */
  interface CalendarView {

    /** Days before now the window starts, unless a request gives {@code calendarWindow}. */
    @WithDefault("30")
    int pastDays();

    /** Days after now the window ends, unless a request gives {@code calendarWindow}. */
    @WithDefault("365")
    int futureDays();

    /**
     * How often the window is re-anchored to the current time: a new window is a new delta round,
     * resynced with resync markers, so events that left the window are deleted and new ones seen.
     */
    @WithDefault("P1D")
    Duration reanchorEvery();
  }

  /** Longest wait for one Graph page through the gateway (its own retries included). */
  @WithDefault("PT90S")
  Duration pageTimeout();
}
