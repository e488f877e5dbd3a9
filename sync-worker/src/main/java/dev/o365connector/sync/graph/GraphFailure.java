package dev.o365connector.sync.graph;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/** A Graph or gateway error that ends a resource's sync with a reason. */
public class GraphFailure extends RuntimeException {

  private static final Set<String> NO_SERVICE =
      Set.of("MailboxNotEnabledForRESTAPI", "ResourceNotFound");

  private final int status;
  private final String code;

  private GraphFailure(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** From an error body: Graph's {@code error.code} or the gateway's problem {@code type}. */
  static GraphFailure of(int status, String body) {
    String code = "http-" + status;
    String message = "HTTP " + status;
    try {
      JsonObject json = new JsonObject(body);
      if (json.containsKey("error")) {
        code = json.getJsonObject("error").getString("code", code);
        message = json.getJsonObject("error").getString("message", message);
      } else if (json.containsKey("type")) {
        String type = json.getString("type");
        code = type.substring(type.lastIndexOf('/') + 1);
        message = json.getString("detail", message);
      }
    } catch (RuntimeException notJson) {
      // keep the status as the reason
    }
    return new GraphFailure(status, code, message);
  }

  /** Graph's answers for a user who has no mailbox or no drive: nothing to sync, not a failure. */
  public static boolean noService(Throwable e) {
    return e instanceof GraphFailure failure
        && failure.status == 404
        && NO_SERVICE.contains(failure.code);
  }

  /** Outlook's answer for a message or folder that does not exist (any more). */
  public static boolean itemNotFound(Throwable e) {
    return e instanceof GraphFailure failure
        && failure.status == 404
        && "ErrorItemNotFound".equals(failure.code);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
