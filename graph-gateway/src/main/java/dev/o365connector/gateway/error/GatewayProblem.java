package dev.o365connector.gateway.error;

import dev.o365connector.runtime.problem.ProblemException;
import java.util.Map;

/**
 * A refusal or failure the gateway answers itself as RFC 9457 problem+json, with a stable {@code
 * type} slug and optional extension members ({@code retryAfterSeconds} also becomes the Retry-After
 * header).
 */
public class GatewayProblem extends ProblemException {

  public GatewayProblem(
      int status, String slug, String title, String detail, Map<String, Object> extensions) {
    super(status, slug, title, detail, extensions);
  }

  public GatewayProblem(int status, String slug, String title, String detail) {
    super(status, slug, title, detail);
  }
}
