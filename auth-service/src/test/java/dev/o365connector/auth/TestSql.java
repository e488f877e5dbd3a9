package dev.o365connector.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.Map;

/** Runs one SQL statement against the service's database, as test setup (e.g. ageing a row). */
public final class TestSql {

  private TestSql() {}

  public static int execute(String statement, Map<String, Object> parameters) {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () ->
              Panache.withTransaction(
                  () ->
                      Panache.getSession()
                          .flatMap(
                              session -> {
                                var query = session.createNativeQuery(statement);
                                parameters.forEach(query::setParameter);
                                return query.executeUpdate();
                              })));
    } catch (Throwable e) {
      throw new IllegalStateException("Could not run test SQL: " + statement, e);
    }
  }
}
