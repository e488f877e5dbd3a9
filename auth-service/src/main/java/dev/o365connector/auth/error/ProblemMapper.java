package dev.o365connector.auth.error;

import dev.o365connector.runtime.problem.Problem;
import dev.o365connector.runtime.problem.ProblemResponses;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What auth-service adds to the service runtime's problem mappings ({@code CommonProblemMappings}:
 * its {@link ApiProblem}s, JAX-RS errors, unexpected failures): bean validation failures, as one
 * 400 naming each field.
 */
public class ProblemMapper {

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e) {
    String detail =
        e.getConstraintViolations().stream()
            .map(v -> leaf(v.getPropertyPath().toString()) + ": " + v.getMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return ProblemResponses.of(Problem.invalid(detail));
  }

  private static String leaf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
