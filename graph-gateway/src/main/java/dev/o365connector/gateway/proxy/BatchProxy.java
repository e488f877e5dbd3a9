package dev.o365connector.gateway.proxy;

import dev.o365connector.contracts.token.InstallationAccess;
import dev.o365connector.gateway.error.GatewayProblem;
import dev.o365connector.gateway.error.Problems;
import dev.o365connector.gateway.linkrewrite.GraphLinks;
import dev.o365connector.gateway.pathsafety.GraphPath;
import dev.o365connector.gateway.permission.RequestPermission;
import dev.o365connector.gateway.token.InstallationTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /graph/{id}/v1.0/$batch}: each inner request is checked like a single one; denied
 * ones get their own 403 (or 400, or 424 when they depend on a denied one) in the batch answer, the
 * allowed ones go to Graph together in one batch. Batches are small (at most 20 requests), so the
 * answer is read whole to rewrite each inner response's links.
 */
@ApplicationScoped
public class BatchProxy {

  private static final Set<String> FORWARDED_HEADERS =
      Set.of("accept", "prefer", "consistencylevel", "if-none-match");

  private final GraphProxy proxy;
  private final InstallationTokens tokens;
  private final ProxyMetrics metrics;

  BatchProxy(GraphProxy proxy, InstallationTokens tokens, ProxyMetrics metrics) {
    this.proxy = proxy;
    this.tokens = tokens;
    this.metrics = metrics;
  }

  /** Answers the batch of {@code exchange} (its body still unread). */
  Uni<BatchAnswer> handle(GraphExchange exchange, Buffer body, GraphLinks links) {
    List<JsonObject> requests = BatchRequests.parse(body);
    return tokens
        .current(exchange.installationId())
        .flatMap(
            access -> {
              Map<String, JsonObject> denied = new LinkedHashMap<>();
              JsonArray allowed = new JsonArray();
              for (JsonObject request : requests) {
                JsonObject refusal = check(exchange.installationId(), request, access, denied);
                if (refusal != null) {
                  denied.put(request.getString("id"), refusal);
                } else {
                  allowed.add(forwardable(request));
                }
              }
              denied
                  .values()
                  .forEach(d -> metrics.request("$batch", d.getInteger("status"), "denied"));
              if (allowed.isEmpty()) {
                return Uni.createFrom()
                    .item(BatchAnswer.of(merge(requests, denied, List.of(), links)));
              }
              Buffer upstreamBody = new JsonObject().put("requests", allowed).toBuffer();
              return proxy
                  .forwardBatch(exchange, access, upstreamBody)
                  .flatMap(response -> answer(response, requests, denied, links));
            });
  }

  private Uni<BatchAnswer> answer(
      HttpClientResponse response,
      List<JsonObject> requests,
      Map<String, JsonObject> denied,
      GraphLinks links) {
    if (response.statusCode() != 200) {
      return Uni.createFrom().item(BatchAnswer.passThrough(response));
    }
    return Uni.createFrom()
        .completionStage(() -> response.resume().body().toCompletionStage())
        .map(
            buffer -> {
              JsonArray answered = buffer.toJsonObject().getJsonArray("responses", new JsonArray());
              List<JsonObject> list = new ArrayList<>();
              answered.forEach(item -> list.add((JsonObject) item));
              return BatchAnswer.of(merge(requests, denied, list, links));
            });
  }

  /** Graph's answers and the gateway's refusals, in the caller's order, links rewritten. */
  private static JsonObject merge(
      List<JsonObject> requests,
      Map<String, JsonObject> denied,
      List<JsonObject> answered,
      GraphLinks links) {
    Map<String, JsonObject> byId = new HashMap<>(denied);
    for (JsonObject response : answered) {
      JsonObject body = response.getJsonObject("body");
      if (body != null) {
        for (String key : List.of("@odata.nextLink", "@odata.deltaLink")) {
          links.rewrite(body.getString(key)).ifPresent(url -> body.put(key, url));
        }
      }
      byId.put(response.getString("id"), response);
    }
    JsonArray responses = new JsonArray();
    for (JsonObject request : requests) {
      JsonObject response = byId.get(request.getString("id"));
      if (response != null) {
        responses.add(response);
      }
    }
    return new JsonObject().put("responses", responses);
  }

  /** Null when allowed; else the inner response that refuses it. */
  private static JsonObject check(
      String installationId,
      JsonObject request,
      InstallationAccess access,
      Map<String, JsonObject> denied) {
    try {
      for (Object dependency : request.getJsonArray("dependsOn", new JsonArray())) {
        if (denied.containsKey(String.valueOf(dependency))) {
          throw new GatewayProblem(
              424,
              "failed-dependency",
              "Failed dependency",
              "It depends on refused request " + dependency);
        }
      }
      GraphPath path = GraphPath.ofBatchUrl(installationId, request.getString("url"));
      RequestPermission.check(
          request.getString("method", "GET").toUpperCase(), path.path(), access);
      return null;
    } catch (GatewayProblem problem) {
      return new JsonObject()
          .put("id", request.getString("id"))
          .put("status", problem.status())
          .put("headers", new JsonObject().put("Content-Type", "application/problem+json"))
          .put("body", Problems.toJson(problem));
    }
  }

  /** The inner request as Graph gets it: GET, its URL, and only headers Graph should see. */
  private static JsonObject forwardable(JsonObject request) {
    JsonObject out =
        new JsonObject()
            .put("id", request.getString("id"))
            .put("method", "GET")
            .put("url", request.getString("url"));
    JsonObject headers = request.getJsonObject("headers");
    if (headers != null) {
      JsonObject kept = new JsonObject();
      headers.forEach(
          header -> {
            if (FORWARDED_HEADERS.contains(header.getKey().toLowerCase())) {
              kept.put(header.getKey(), header.getValue());
            }
          });
      out.put("headers", kept);
    }
    JsonArray dependsOn = request.getJsonArray("dependsOn");
    if (dependsOn != null) {
      out.put("dependsOn", dependsOn);
    }
    return out;
  }

  /** What the caller gets: a merged JSON answer, or Graph's own non-200 answer to relay. */
  record BatchAnswer(JsonObject json, HttpClientResponse passThrough) {
    static BatchAnswer of(JsonObject json) {
      return new BatchAnswer(json, null);
    }

    static BatchAnswer passThrough(HttpClientResponse response) {
      return new BatchAnswer(null, response);
    }
  }
}
