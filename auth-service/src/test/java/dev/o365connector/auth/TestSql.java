package dev.o365connector.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** Runs SQL against the service's database, as test setup (e.g. ageing a row) or evidence. */
public final class TestSql {

  private TestSql() {}

  /** Runs one statement in its own transaction; how many rows it changed. */
  public static int execute(String statement, Map<String, Object> parameters) {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () ->
              Panache.withTransaction(
                  () ->
                      Panache.getSession()
                          .flatMap(
                              session ->
                                  TestSql.<Object>query(session, statement, parameters)
                                      .executeUpdate())));
    } catch (Throwable e) {
      throw new IllegalStateException("Could not run test SQL: " + statement, e);
    }
  }

  /** The rows of one query; a row is an {@code Object[]}, or the value when one column is read. */
  public static <T> List<T> select(String statement, Map<String, Object> parameters) {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () ->
              Panache.withSession(
                  () ->
                      Panache.getSession()
                          .flatMap(
                              session ->
                                  TestSql.<T>query(session, statement, parameters)
                                      .getResultList())));
    } catch (Throwable e) {
      throw new IllegalStateException("Could not run test SQL: " + statement, e);
    }
  }

  private static <T> Mutiny.Query<T> query(
      Mutiny.Session session, String statement, Map<String, Object> parameters) {
    Mutiny.Query<T> query = session.createNativeQuery(statement);
    parameters.forEach(query::setParameter);
    return query;
  }
}
