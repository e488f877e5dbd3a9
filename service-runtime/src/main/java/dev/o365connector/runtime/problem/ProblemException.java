package dev.o365connector.runtime.problem;

import java.util.Map;

/**
 * A refusal a service answers with a {@link Problem}; its message is the problem's detail. An
 * expected answer, not a fault, so it carries no stack trace.
 */
public class ProblemException extends RuntimeException {

  private final Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public ProblemException(
      int status, String slug, String title, String detail, Map<String, Object> extensions) {
    this(new Problem(status, slug, title, detail, extensions));
  }

  public ProblemException(int status, String slug, String title, String detail) {
    this(new Problem(status, slug, title, detail));
  }

  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }

  public String slug() {
    return problem.slug();
  }

  public String title() {
    return problem.title();
  }

  public Map<String, Object> extensions() {
    return problem.extensions();
  }
}
