package dev.o365connector.runtime.problem;

import jakarta.ws.rs.core.Response;

/** A {@link Problem} as a JAX-RS response: its status, {@code application/problem+json}. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static Response of(Problem problem) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem.body())
        .build();
  }
}
