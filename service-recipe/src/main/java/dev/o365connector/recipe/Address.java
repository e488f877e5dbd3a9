package dev.o365connector.recipe;

/** Where a service listens, as the other parts of its stack reach it. */
public record Address(String host, int port) {

  /** {@code http://host:port}. */
  public String url() {
    return "http://" + host + ":" + port;
  }
}
