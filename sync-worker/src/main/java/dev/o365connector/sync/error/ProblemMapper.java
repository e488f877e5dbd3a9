package dev.o365connector.sync.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place that turns exceptions into {@code application/problem+json}. */
public class ProblemMapper {

  private static final String TYPE_BASE = "https://o365connector.dev/problems/";
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response notFound(NotFound e) {
    return problem(404, "not-found", "Not found", e.getMessage());
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
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

  private static Response problem(int status, String slug, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + slug);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return Response.status(status).type("application/problem+json").entity(body).build();
  }
}
