package dev.o365connector.auth.error;

import dev.o365connector.runtime.problem.Problem;
import dev.o365connector.runtime.problem.ProblemException;

/**
 * An error the API answers as RFC 9457 problem+json, with a stable {@code type} slug; rendered by
 * the service runtime's problem mappings.
 */
public class ApiProblem extends ProblemException {

  public ApiProblem(int status, String slug, String title, String detail) {
    super(status, slug, title, detail);
  }

  private ApiProblem(Problem problem) {
    super(problem);
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(Problem.notFound(what));
  }

  public static ApiProblem invalid(String detail) {
    return new ApiProblem(Problem.invalid(detail));
  }
}
