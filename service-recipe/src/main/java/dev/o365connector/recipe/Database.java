package dev.o365connector.recipe;

/**
 * A service's PostgreSQL database as the service reaches it, and the role it logs in as.
 *
 * @param password empty where the server trusts local connections (a test or dev server)
 */
public record Database(String host, int port, String name, String user, String password) {

  @Override
  public String toString() {
    return "Database[" + user + "@" + host + ":" + port + "/" + name + "]";
  }
}
