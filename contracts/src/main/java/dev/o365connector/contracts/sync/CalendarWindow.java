package dev.o365connector.contracts.sync;

/**
 * The calendarView range to sync, in whole days before and after the time of the sync.
 *
 * @param pastDays days before now, 0 to {@link #MAX_DAYS}
 * @param futureDays days after now, 0 to {@link #MAX_DAYS}
 */
public record CalendarWindow(int pastDays, int futureDays) {

  /** The largest value the schema accepts for either side (about ten years). */
  public static final int MAX_DAYS = 3650;
}
