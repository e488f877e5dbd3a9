package dev.o365connector.auth.error;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place that turns exceptions into {@code application/problem+json}. */
public class ProblemMapper {

  static final String TYPE_BASE = "https://o365connector.dev/problems/";
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response apiProblem(ApiProblem problem) {
    return problem(problem.status(), problem.slug(), problem.title(), problem.getMessage());
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e) {
    String detail =
        e.getConstraintViolations().stream()
            .map(v -> leaf(v.getPropertyPath().toString()) + ": " + v.getMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return problem(400, "invalid-request", "Invalid request", detail);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    // JAX-RS errors (unreadable JSON, unknown route) keep their status; the text is generic.
    return problem(
        status,
        "http-" + status,
        e.getResponse().getStatusInfo().getReasonPhrase(),
        e.getMessage());
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("Unexpected failure", e);
    return problem(500, "internal-error", "Internal error", "The request could not be completed.");
  }

  static Response problem(int status, String slug, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + slug);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return Response.status(status).type("application/problem+json").entity(body).build();
  }

  private static String leaf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
