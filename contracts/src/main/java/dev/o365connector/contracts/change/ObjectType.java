package dev.o365connector.contracts.change;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.o365connector.contracts.Resource;

/** The Graph entity a change is about; its JSON value is the Graph type name. */
public enum ObjectType {
  USER("user", Resource.USERS),
  MESSAGE("message", Resource.MAIL),
  MAIL_FOLDER("mailFolder", Resource.MAIL),
  EVENT("event", Resource.CALENDAR),
  CALENDAR("calendar", Resource.CALENDAR),
  CALENDAR_GROUP("calendarGroup", Resource.CALENDAR),
  DRIVE_ITEM("driveItem", Resource.FILES);

  private final String value;
  private final Resource resource;

  ObjectType(String value, Resource resource) {
    this.value = value;
    this.resource = resource;
  }

  /** The JSON value. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The resource, and so the topic, changes of this type belong to. */
  public Resource resource() {
    return resource;
  }

  /** The object type whose JSON value is {@code value}. */
  @JsonCreator
  public static ObjectType fromValue(String value) {
    for (ObjectType type : values()) {
      if (type.value.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown object type '" + value + "'");
  }
}
