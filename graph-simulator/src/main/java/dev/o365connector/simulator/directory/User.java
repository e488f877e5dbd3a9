package dev.o365connector.simulator.directory;

import dev.o365connector.simulator.delta.Versioned;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A directory user; {@code hasMailbox} / {@code hasDrive} false answer like unlicensed users. */
public record User(
    String id,
    String userPrincipalName,
    String displayName,
    String givenName,
    String surname,
    String jobTitle,
    boolean hasMailbox,
    boolean hasDrive,
    long version)
    implements Versioned {

  /** The Graph v1.0 representation (default property set of {@code /users}). */
  public JsonObject toGraph() {
    return new JsonObject()
        .put("id", id)
        .put("businessPhones", new JsonArray())
        .put("displayName", displayName)
        .put("givenName", givenName)
        .put("jobTitle", jobTitle)
        .put("mail", hasMailbox ? userPrincipalName : null)
        .put("mobilePhone", null)
        .put("officeLocation", null)
        .put("preferredLanguage", "en-US")
        .put("surname", surname)
        .put("userPrincipalName", userPrincipalName);
  }

  /** The same user after an edit, one version later. */
  public User renamed(String newJobTitle) {
    return new User(
        id,
        userPrincipalName,
        displayName,
        givenName,
        surname,
        newJobTitle,
        hasMailbox,
        hasDrive,
        version + 1);
  }
}
