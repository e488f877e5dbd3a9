package dev.o365connector.sync.error;

import dev.o365connector.runtime.problem.Problem;
import dev.o365connector.runtime.problem.ProblemException;

/**
 * Something an operator asked about does not exist: 404 problem+json, rendered by the service
 * runtime's problem mappings.
 */
public class NotFound extends ProblemException {

  public NotFound(String what) {
    super(Problem.notFound(what));
  }
}
