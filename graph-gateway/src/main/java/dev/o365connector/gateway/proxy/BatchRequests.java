package dev.o365connector.gateway.proxy;

import dev.o365connector.gateway.error.GatewayProblem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A caller's {@code $batch} body: read with a size cap, then checked for Graph's batch shape. */
final class BatchRequests {

  static final int MAX_REQUESTS = 20;
  static final int MAX_BODY_BYTES = 1 << 20;

  private BatchRequests() {}

  /** The request body, refused (413) beyond {@link #MAX_BODY_BYTES} as it arrives. */
  static Future<Buffer> read(HttpServerRequest request) {
    Promise<Buffer> body = Promise.promise();
    Buffer received = Buffer.buffer();
    request.handler(
        chunk -> {
          if (received.length() + chunk.length() > MAX_BODY_BYTES) {
            request.pause();
            body.tryFail(
                new GatewayProblem(
                    413,
                    "body-too-large",
                    "Request body too large",
                    "A $batch body may hold at most " + MAX_BODY_BYTES + " bytes"));
            return;
          }
          received.appendBuffer(chunk);
        });
    request.endHandler(ended -> body.tryComplete(received));
    request.exceptionHandler(body::tryFail);
    request.resume(); // the router pauses requests until something reads their body
    return body.future();
  }

  /** The inner requests, ids as strings and unique; 400 for anything else. */
  static List<JsonObject> parse(Buffer body) {
    JsonArray requests;
    try {
      requests = body.toJsonObject().getJsonArray("requests");
    } catch (DecodeException | ClassCastException e) {
      throw invalid("the body is not a JSON batch: {\"requests\":[...]}");
    }
    if (requests == null || requests.isEmpty()) {
      throw invalid("a batch needs at least one request");
    }
    if (requests.size() > MAX_REQUESTS) {
      throw invalid("a batch holds at most " + MAX_REQUESTS + " requests, not " + requests.size());
    }
    Set<String> ids = new HashSet<>();
    List<JsonObject> list = new ArrayList<>();
    for (Object item : requests) {
      if (!(item instanceof JsonObject request)
          || request.getValue("id") == null
          || !(request.getValue("url") instanceof String)) {
        throw invalid("every batch request needs an id and a url");
      }
      String id = String.valueOf(request.getValue("id"));
      if (!ids.add(id)) {
        throw invalid("batch request ids must be unique; " + id + " repeats");
      }
      list.add(request.copy().put("id", id));
    }
    return list;
  }

  private static GatewayProblem invalid(String detail) {
    return new GatewayProblem(400, "invalid-batch", "Invalid batch", detail);
  }
}
