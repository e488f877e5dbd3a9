package dev.o365connector.simulator.calendar.model;

import dev.o365connector.simulator.delta.DeltaCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user's calendar groups, calendars and the events of the primary calendar (the one v1.0
 * calendarView delta reads).
 */
public final class UserCalendars {

  private final List<CalendarGroup> groups = new ArrayList<>();
  private final List<Calendar> calendars = new ArrayList<>();
  private final DeltaCollection<Event> events = new DeltaCollection<>();

  public void addGroup(CalendarGroup group) {
    groups.add(group);
  }

  public void addCalendar(Calendar calendar) {
    calendars.add(calendar);
  }

  /**
   * Removes a secondary calendar and returns it.
   *
   * @throws IllegalArgumentException for an unknown id or the default calendar, which Outlook
   *     refuses to delete
   */
  public Calendar removeCalendar(String id) {
    Calendar calendar =
        calendar(id).orElseThrow(() -> new IllegalArgumentException("no such calendar: " + id));
    if (calendar.isDefault()) {
      throw new IllegalArgumentException("the default calendar " + id + " cannot be deleted");
    }
    calendars.remove(calendar);
    return calendar;
  }

  /**
   * Gives a group a new version after the calendars in it changed: calendars have no delta, so a
   * client that lists and diffs groups learns from the version that a group's listing changed.
   */
  public void touchGroup(String groupId) {
    groups.replaceAll(group -> group.id().equals(groupId) ? group.touched() : group);
  }

  public List<CalendarGroup> groups() {
    return List.copyOf(groups);
  }

  public List<Calendar> calendars() {
    return List.copyOf(calendars);
  }

  public Calendar primary() {
    return calendars.stream().filter(Calendar::isDefault).findFirst().orElseThrow();
  }

  public Optional<Calendar> calendar(String id) {
    return calendars.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<CalendarGroup> group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /** Events of the primary calendar. */
  public DeltaCollection<Event> events() {
    return events;
  }
}
