package dev.o365connector.gateway.proxy;

import dev.o365connector.gateway.linkrewrite.GraphLinks;
import dev.o365connector.gateway.linkrewrite.ODataLinkRewriter;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Locale;

/**
 * Streams Graph's response to the caller with backpressure, never holding the whole body: the
 * status, the headers a Graph client relies on, and the body, with paging and delta links (and a
 * 410's Location) pointed back through the gateway.
 */
final class ResponseRelay {

  /** Response headers passed through; hop-by-hop and Graph-internal ones are not. */
  private static final List<String> RELAYED =
      List.of(
          "Content-Type",
          "request-id",
          "client-request-id",
          "Retry-After",
          "ETag",
          "Preference-Applied",
          "Content-Range",
          "Accept-Ranges");

  private ResponseRelay() {}

  /** Relays {@code response}; {@code done} runs once, when it ended or failed either side. */
  static void relay(
      HttpClientResponse response,
      HttpServerResponse out,
      GraphLinks links,
      String clientRequestId,
      Runnable done) {
    Runnable once = new Once(done);
    out.setStatusCode(response.statusCode());
    for (String name : RELAYED) {
      String value = response.getHeader(name);
      if (value != null) {
        out.putHeader(name, value);
      }
    }
    out.putHeader("client-request-id", clientRequestId);
    String location = response.getHeader("Location");
    if (location != null) {
      out.putHeader(
          "Location",
          response.statusCode() == 410 ? links.rewrite(location).orElse(location) : location);
    }
    out.closeHandler(
        closed -> {
          // The caller went away mid-body: stop reading from Graph and free the connection.
          response.request().reset();
          once.run();
        });
    response.exceptionHandler(
        failure -> {
          out.reset();
          once.run();
        });
    String type = response.getHeader("Content-Type");
    if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
      out.setChunked(true);
      ODataLinkRewriter rewriter = links.bodyRewriter();
      response.handler(
          chunk -> {
            out.write(rewriter.rewrite(chunk));
            if (out.writeQueueFull()) {
              response.pause();
              out.drainHandler(drained -> response.resume());
            }
          });
      response.endHandler(
          ended -> {
            out.end();
            once.run();
          });
      response.resume();
    } else {
      String length = response.getHeader("Content-Length");
      if (length != null) {
        out.putHeader("Content-Length", length);
      } else if (response.statusCode() != 204 && response.statusCode() != 304) {
        out.setChunked(true);
      }
      response.pipeTo(out).onComplete(result -> once.run());
    }
  }

  /** Runs its action the first time only. */
  private static final class Once implements Runnable {
    private final Runnable action;
    private boolean ran;

    Once(Runnable action) {
      this.action = action;
    }

    @Override
    public synchronized void run() {
      if (!ran) {
        ran = true;
        action.run();
      }
    }
  }
}
