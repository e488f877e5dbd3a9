package dev.o365connector.sync.graph;

/** Graph answered 410 (the delta token expired or sync state is gone): resync the scope. */
public class GraphGone extends RuntimeException {

  public GraphGone(String location) {
    super("410 Gone; start over at " + location, null, false, false);
  }
}
