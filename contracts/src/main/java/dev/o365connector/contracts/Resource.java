package dev.o365connector.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A kind of Microsoft 365 data the connector syncs; its JSON value is the lowercase name. */
public enum Resource {
  USERS("users"),
  MAIL("mail"),
  CALENDAR("calendar"),
  FILES("files");

  private final String value;

  Resource(String value) {
    this.value = value;
  }

  /** The JSON value, also used in topic names and CloudEvent types. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The resource whose JSON value is {@code value}. */
  @JsonCreator
  public static Resource fromValue(String value) {
    for (Resource resource : values()) {
      if (resource.value.equals(value)) {
        return resource;
      }
    }
    throw new IllegalArgumentException("unknown resource '" + value + "'");
  }
}
