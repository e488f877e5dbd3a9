package dev.o365connector.runtime.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The mappings every service's REST API shares, registered by Quarkus REST in each service that has
 * this jar: a {@link ProblemException} answers its own problem; JAX-RS errors (unreadable JSON, an
 * unknown route, a wrong method) keep their status with a generic text; anything else is logged and
 * answered 500 without its message. A service's own {@code error/} mapper adds what is particular
 * to it; a more specific exception type wins.
 */
public class CommonProblemMappings {

  private static final Logger LOG = Logger.getLogger(CommonProblemMappings.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return ProblemResponses.of(e.problem());
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    return ProblemResponses.of(
        new Problem(
            status,
            "http-" + status,
            e.getResponse().getStatusInfo().getReasonPhrase(),
            e.getMessage()));
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("Unexpected failure", e);
    return ProblemResponses.of(
        new Problem(
            500, "internal-error", "Internal error", "The request could not be completed."));
  }
}
