package dev.o365connector.gateway.error;

import java.util.Map;

/**
 * A refusal or failure the gateway answers itself as RFC 9457 problem+json, with a stable {@code
 * type} slug ({@code https://o365connector.dev/problems/<slug>}) and optional extension members.
 */
public class GatewayProblem extends RuntimeException {

  public static final String TYPE_PREFIX = "https://o365connector.dev/problems/";

  private final int status;
  private final String slug;
  private final String title;
  private final Map<String, Object> extensions;

  public GatewayProblem(
      int status, String slug, String title, String detail, Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.extensions = Map.copyOf(extensions);
  }

  public GatewayProblem(int status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
