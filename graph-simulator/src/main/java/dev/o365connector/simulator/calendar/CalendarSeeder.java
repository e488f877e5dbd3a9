package dev.o365connector.simulator.calendar;

import dev.o365connector.simulator.calendar.model.Calendar;
import dev.o365connector.simulator.calendar.model.CalendarGroup;
import dev.o365connector.simulator.calendar.model.Event;
import dev.o365connector.simulator.calendar.model.UserCalendars;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds calendars: two groups, a primary and a secondary calendar, and events spread evenly over a
 * fixed three-year span (so the same seed gives the same events, and any window around today
 * catches some).
 */
public final class CalendarSeeder {

  static final Instant SPAN_START = Instant.parse("2025-07-01T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(3 * 365);

  private static final String[] SUBJECTS = {
    "Standup", "1:1", "Customer call", "Design review", "Planning", "Lunch & learn", "Retro"
  };
  private static final String[] ROOMS = {"Room 1", "Room 2", "Teams", "Cafeteria"};
  private static final String[] CALENDAR_NAMES = {
    "Team", "Project", "Holidays", "On call", "Travel"
  };
  private static final String[] COLORS = {
    "lightBlue", "lightGreen", "lightOrange", "lightGray", "lightYellow", "lightTeal", "lightPink"
  };

  private final Ids ids;

  public CalendarSeeder(Ids ids) {
    this.ids = ids;
  }

  public UserCalendars calendars(User owner, List<User> colleagues, int events) {
    UserCalendars calendars = new UserCalendars();
    CalendarGroup mine =
        new CalendarGroup(ids.guid(), "My Calendars", "0006f0b7-0000-0000-c000-000000000046", 1);
    CalendarGroup other =
        new CalendarGroup(ids.guid(), "Other calendars", "0006f0b8-0000-0000-c000-000000000046", 1);
    calendars.addGroup(mine);
    calendars.addGroup(other);
    calendars.addCalendar(new Calendar(ids.guid(), "Calendar", "auto", true, mine.id(), 1));
    calendars.addCalendar(
        new Calendar(ids.guid(), "Birthdays", "lightGreen", false, other.id(), 1));
    long step = events == 0 ? 0 : SPAN.toMinutes() / events;
    for (int i = 0; i < events; i++) {
      calendars
          .events()
          .put(
              newEvent(
                  calendars, owner, colleagues, SPAN_START.plus(Duration.ofMinutes(step * i))));
    }
    return calendars;
  }

  /** A secondary calendar in {@code groupId}; its name carries part of its id to stay unique. */
  public Calendar newCalendar(String groupId) {
    String id = ids.guid();
    String name = CALENDAR_NAMES[ids.nextInt(CALENDAR_NAMES.length)] + " " + id.substring(0, 4);
    return new Calendar(id, name, COLORS[ids.nextInt(COLORS.length)], false, groupId, 1);
  }

  /** A user-made calendar group; Outlook gives each its own class id. */
  public CalendarGroup newGroup() {
    String id = ids.guid();
    return new CalendarGroup(id, "Calendars " + id.substring(0, 4), ids.guid(), 1);
  }

  /** A 30- or 60-minute event on the primary calendar starting at {@code start}. */
  public Event newEvent(UserCalendars calendars, User owner, List<User> colleagues, Instant start) {
    User organizer = colleagues.isEmpty() ? owner : colleagues.get(ids.nextInt(colleagues.size()));
    Duration length = Duration.ofMinutes(ids.nextInt(2) == 0 ? 30 : 60);
    return new Event(
        ids.guid(),
        calendars.primary().id(),
        SUBJECTS[ids.nextInt(SUBJECTS.length)],
        start,
        start.plus(length),
        ROOMS[ids.nextInt(ROOMS.length)],
        organizer.displayName(),
        organizer.userPrincipalName(),
        1);
  }
}
