package dev.o365connector.gateway.proxy;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.MDC;

/**
 * The Vert.x context a caller request is served on. Quarkus keeps the request's span there (the
 * parent of the gateway's calls to auth-service and Graph, which carry it on as {@code
 * traceparent}) and its log keys. Work that waited for something another request completed (a token
 * fetch shared by concurrent misses, a mailbox slot another request released) continues on that
 * other request's context; {@link #resume} brings it back first.
 */
final class RequestContext {

  private final Context context;

  private RequestContext(Context context) {
    this.context = context;
  }

  /** The context the current request is served on. */
  static RequestContext current() {
    return new RequestContext(Vertx.currentContext());
  }

  /** {@code uni}, continued on the request's context (at once when it already is there). */
  <T> Uni<T> resume(Uni<T> uni) {
    if (context == null) {
      return uni;
    }
    return uni.emitOn(
        task -> {
          if (Vertx.currentContext() == context) {
            task.run();
          } else {
            context.runOnContext(x -> task.run());
          }
        });
  }

  /**
   * Adds {@code key} to the log lines of this request (MDC); only on the request's own context, so
   * the value never reaches another request's lines.
   */
  void log(String key, String value) {
    if (value != null
        && context != null
        && Vertx.currentContext() == context
        && VertxContext.isDuplicatedContext(context)) {
      MDC.put(key, value);
    }
  }
}
