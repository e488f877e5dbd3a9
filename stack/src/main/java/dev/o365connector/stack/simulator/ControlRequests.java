package dev.o365connector.stack.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls of a running simulator's control and info endpoints from tools and tests. */
public final class ControlRequests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ControlRequests() {}

  /** Sends {@code request}; the answer's body, or an exception naming a non-2xx answer. */
  public static String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            request.build().method()
                + " "
                + request.build().uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
