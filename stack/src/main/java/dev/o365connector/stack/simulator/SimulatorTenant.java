package dev.o365connector.stack.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One tenant of a running graph-simulator through its control API: its ground truth, mutations of
 * its data, expired delta tokens, revoked refresh tokens, and the simulator's injected faults.
 */
public final class SimulatorTenant {

  private final String simulator;
  private final String tenantId;

  /** {@code simulator}: the base URL, e.g. {@code http://localhost:8089}. */
  public SimulatorTenant(String simulator, String tenantId) {
    this.simulator = simulator;
    this.tenantId = tenantId;
  }

  public String id() {
    return tenantId;
  }

  /**
   * The ground truth entries ({objectType, id, ownerId, containerId, version}) of {@code resource}
   * ({@code users}, {@code mail}, {@code calendar}, {@code files}); {@code query} adds parameters,
   * e.g. {@code &startDateTime=...} for the calendar window.
   */
  public List<JsonObject> truthEntries(String resource, String query) {
    JsonArray truth =
        new JsonArray(get("/_sim/tenants/" + tenantId + "/truth?resource=" + resource + query));
    return truth.stream().map(JsonObject.class::cast).toList();
  }

  /** The ids of the truth entries {@code wanted} accepts. */
  public Set<String> truth(String resource, String query, Predicate<JsonObject> wanted) {
    return truthEntries(resource, query).stream()
        .filter(wanted)
        .map(entry -> entry.getString("id"))
        .collect(Collectors.toSet());
  }

  /** Applies {@code mutation} (e.g. {@code {"messages":{"create":5}}}); what changed, by id. */
  public JsonObject mutate(String mutation) {
    return new JsonObject(post("/_sim/tenants/" + tenantId + "/mutations", mutation));
  }

  /** Expires every delta token of the tenant: the next delta request of each scope gets 410. */
  public void expireDeltaTokens() {
    post("/_sim/tenants/" + tenantId + "/delta-tokens/expire", "{}");
  }

  /** Revokes one user's refresh tokens, as an admin revoking their sessions would (AADSTS50173). */
  public void revokeRefreshTokens(String userId) {
    post(
        "/_sim/tenants/"
            + tenantId
            + "/refresh-tokens/revoke?userId="
            + URLEncoder.encode(userId, StandardCharsets.UTF_8),
        "{}");
  }

  /** Adds a fault rule ({@code POST /_sim/faults}, see the simulator's README); its id. */
  public String addFault(JsonObject rule) {
    return new JsonObject(post("/_sim/faults", rule.encode())).getString("id");
  }

  public void removeFault(String id) {
    ControlRequests.send(
        HttpRequest.newBuilder(URI.create(simulator + "/_sim/faults/" + id)).DELETE());
  }

  /**
   * The Graph requests the simulator journaled ({@code GET /_sim/requests}) whose path contains
   * {@code pathRegex}, received at or after {@code since}, oldest first.
   */
  public List<JsonObject> requests(String pathRegex, Instant since) {
    JsonArray requests =
        new JsonObject(
                get(
                    "/_sim/requests?limit=10000&pathRegex="
                        + URLEncoder.encode(pathRegex, StandardCharsets.UTF_8)
                        + "&since="
                        + since))
            .getJsonArray("requests");
    return requests.stream().map(JsonObject.class::cast).toList();
  }

  private String get(String path) {
    return ControlRequests.send(HttpRequest.newBuilder(URI.create(simulator + path)));
  }

  private String post(String path, String body) {
    return ControlRequests.send(
        HttpRequest.newBuilder(URI.create(simulator + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
