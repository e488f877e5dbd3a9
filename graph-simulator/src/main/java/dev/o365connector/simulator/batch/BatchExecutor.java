package dev.o365connector.simulator.batch;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs a batch's requests as real HTTP requests to the simulator itself, so authentication,
 * permissions, faults, limits and statistics apply to each as to a single request. Independent
 * requests run concurrently; a request runs after its {@code dependsOn}, or answers 424 if one of
 * them failed.
 */
final class BatchExecutor {

  private static final Set<String> HOP_BY_HOP =
      Set.of("content-length", "connection", "keep-alive", "transfer-encoding");

  private final SimulatorContext context;
  private final HttpClient client;

  BatchExecutor(SimulatorContext context, HttpClient client) {
    this.context = context;
    this.client = client;
  }

  /** The responses, in the order of {@code items}. */
  Future<List<JsonObject>> run(List<BatchItem> items, String authorization) {
    Map<String, BatchItem> byId = new HashMap<>();
    items.forEach(item -> byId.put(item.id(), item));
    Map<String, Future<JsonObject>> started = new HashMap<>();
    List<Future<JsonObject>> responses = new ArrayList<>();
    for (BatchItem item : items) {
      responses.add(start(item, byId, started, authorization));
    }
    return Future.all(responses).map(all -> responses.stream().map(Future::result).toList());
  }

  // BatchItem.parse rejected cycles, so the recursion ends.
  private Future<JsonObject> start(
      BatchItem item,
      Map<String, BatchItem> byId,
      Map<String, Future<JsonObject>> started,
      String authorization) {
    Future<JsonObject> running = started.get(item.id());
    if (running != null) {
      return running;
    }
    List<Future<JsonObject>> dependencies = new ArrayList<>();
    for (String dependency : item.dependsOn()) {
      dependencies.add(start(byId.get(dependency), byId, started, authorization));
    }
    Future<JsonObject> response =
        Future.all(dependencies)
            .compose(
                done ->
                    dependencies.stream().anyMatch(d -> d.result().getInteger("status") >= 400)
                        ? Future.succeededFuture(
                            error(
                                item.id(),
                                424,
                                "FailedDependency",
                                "A request it depends on failed."))
                        : execute(item, authorization));
    started.put(item.id(), response);
    return response;
  }

  private Future<JsonObject> execute(BatchItem item, String authorization) {
    if (item.url().contains("://")) {
      return Future.succeededFuture(
          error(item.id(), 400, "BadRequest", "Batch request urls are relative to /v1.0."));
    }
    RequestOptions options;
    try {
      options =
          new RequestOptions()
              .setMethod(HttpMethod.valueOf(item.method().toUpperCase(Locale.ROOT)))
              .setAbsoluteURI(
                  context.graphBaseUrl() + (item.url().startsWith("/") ? "" : "/") + item.url());
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(
          error(item.id(), 400, "BadRequest", "Invalid method or url: " + e.getMessage()));
    }
    if (authorization != null) {
      options.putHeader("Authorization", authorization);
    }
    item.headers().forEach(options::putHeader);
    Buffer body = item.body() == null ? null : Buffer.buffer(Json.encode(item.body()));
    if (body != null
        && item.headers().keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
      options.putHeader("Content-Type", "application/json");
    }
    return client
        .request(options)
        .compose(request -> body == null ? request.send() : request.send(body))
        .compose(response -> response.body().map(buffer -> answer(item.id(), response, buffer)))
        .recover(
            failure ->
                Future.succeededFuture(
                    error(item.id(), 500, "generalException", failure.getMessage())));
  }

  private static JsonObject answer(String id, HttpClientResponse response, Buffer buffer) {
    JsonObject headers = new JsonObject();
    response
        .headers()
        .forEach(
            header -> {
              if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.put(header.getKey(), header.getValue());
              }
            });
    JsonObject answer =
        new JsonObject().put("id", id).put("status", response.statusCode()).put("headers", headers);
    if (buffer.length() > 0) {
      String type = response.getHeader("Content-Type");
      answer.put("body", type != null && type.contains("json") ? json(buffer) : buffer.toString());
    }
    return answer;
  }

  private static Object json(Buffer buffer) {
    try {
      return Json.decodeValue(buffer);
    } catch (DecodeException e) {
      return buffer.toString();
    }
  }

  private static JsonObject error(String id, int status, String code, String message) {
    return new JsonObject()
        .put("id", id)
        .put("status", status)
        .put("headers", new JsonObject().put("Content-Type", "application/json"))
        .put(
            "body",
            new JsonObject()
                .put("error", new JsonObject().put("code", code).put("message", message)));
  }
}
