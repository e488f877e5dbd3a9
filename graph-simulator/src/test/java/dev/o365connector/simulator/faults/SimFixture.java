package dev.o365connector.simulator.faults;

import static io.restassured.RestAssured.given;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.AppRegistration;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.identity.IdentityState;
import dev.o365connector.simulator.identity.RefreshTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A started simulator with the demo tenant, and what the fault, limit, stats and batch tests send:
 * Graph tokens signed with the simulator's key (as the token endpoint shapes them), control calls.
 */
public final class SimFixture {

  public static final String CLIENT = "client-under-test";

  public final GraphSimulator sim;
  public final Tenant tenant;

  private SimFixture(GraphSimulator sim) {
    this.sim = sim;
    this.tenant = sim.context().directory().tenant("contoso.onmicrosoft.com").orElseThrow();
  }

  public static SimFixture start() {
    return new SimFixture(new GraphSimulator(SimulatorConfig.defaults()).start());
  }

  public void stop() {
    sim.stop();
  }

  public SimulatorContext context() {
    return sim.context();
  }

  /** Users of the demo tenant who have a mailbox. */
  public List<User> mailboxUsers() {
    return context()
        .directory()
        .locked(() -> tenant.users().live().stream().filter(User::hasMailbox).toList());
  }

  /** An app-only token of {@link #CLIENT} with {@code User.Read.All} and {@code Mail.Read}. */
  public String appToken() {
    return sign(
        base()
            .put("oid", "sp-" + tenant.id())
            .put("roles", new JsonArray().add("User.Read.All").add("Mail.Read")));
  }

  public String delegatedToken(User user) {
    return sign(base().put("oid", user.id()).put("scp", "User.Read Mail.Read"));
  }

  /** A REST Assured request with the app token. */
  public RequestSpecification graph() {
    return given().auth().oauth2(appToken());
  }

  public String graphUrl(String path) {
    return sim.graphBaseUrl() + path;
  }

  /** Adds a fault rule; returns its id. */
  public String fault(JsonObject rule) {
    return given()
        .contentType("application/json")
        .body(rule.encode())
        .post(sim.baseUrl() + "/_sim/faults")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getString("id");
  }

  /** Removes every fault rule and limit. */
  public void resetTraffic() {
    given().delete(sim.baseUrl() + "/_sim/faults").then().statusCode(204);
    given()
        .contentType("application/json")
        .body("{}")
        .post(sim.baseUrl() + "/_sim/limits")
        .then()
        .statusCode(200);
  }

  public AppRegistration app() {
    return context().directory().apps().iterator().next();
  }

  /** A refresh token of the demo app for {@code user}, as a sign-in with offline_access leaves. */
  public String refreshToken(User user) {
    return IdentityState.of(context())
        .refreshTokens()
        .issue(
            new RefreshTokens.Grant(
                tenant.id(),
                user.id(),
                app().clientId(),
                Set.of("openid", "offline_access", "Mail.Read"),
                Instant.now()));
  }

  /** Redeems {@code refreshToken} at the token endpoint. */
  public Response refresh(String refreshToken) {
    return given()
        .formParam("grant_type", "refresh_token")
        .formParam("client_id", app().clientId())
        .formParam("client_secret", app().secrets().get(0))
        .formParam("refresh_token", refreshToken)
        .post(sim.baseUrl() + "/" + tenant.id() + "/oauth2/v2.0/token");
  }

  private String sign(JsonObject claims) {
    return context().jwt().sign(claims);
  }

  private JsonObject base() {
    long now = Instant.now().getEpochSecond();
    return new JsonObject()
        .put("aud", "https://graph.microsoft.com")
        .put("iss", sim.baseUrl() + "/" + tenant.id() + "/v2.0")
        .put("tid", tenant.id())
        .put("appid", CLIENT)
        .put("iat", now)
        .put("exp", now + 3600);
  }
}
