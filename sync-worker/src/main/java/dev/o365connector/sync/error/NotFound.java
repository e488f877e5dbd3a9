package dev.o365connector.sync.error;

/** Something an operator asked about does not exist: 404 problem+json. */
public class NotFound extends RuntimeException {

  public NotFound(String what) {
    super(what + " does not exist", null, false, false);
  }
}
