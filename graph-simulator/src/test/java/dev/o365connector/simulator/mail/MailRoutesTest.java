package dev.o365connector.simulator.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.testing.DeltaClient;
import dev.o365connector.simulator.testing.DeltaClient.Round;
import dev.o365connector.simulator.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MailRoutesTest {

  private static final UnaryOperator<RequestSpecification> IMMUTABLE =
      r -> r.header("Prefer", "IdType=\"ImmutableId\"").header("Prefer", "odata.maxpagesize=7");

  private static GraphSimulator sim;

  @BeforeAll
  static void start() {
    sim = new GraphSimulator(SimulatorConfig.defaults().withoutDemoTenant()).start();
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @Test
  void foldersAreListedByHierarchyAndWellKnownName() {
    Tenant tenant = seed("folders", 2, 4);
    User user = user(tenant, 0);
    String token = TestTokens.delegated(sim.context(), tenant.id(), user.id(), "Mail.Read");

    given()
        .auth()
        .oauth2(token)
        .get(sim.graphBaseUrl() + "/me/mailFolders")
        .then()
        .statusCode(200)
        .body("value.displayName", hasItems("Inbox", "Sent Items", "Deleted Items", "Archive"));
    String inboxId =
        given()
            .auth()
            .oauth2(token)
            .get(sim.graphBaseUrl() + "/me/mailFolders/inbox")
            .then()
            .statusCode(200)
            .body("displayName", equalTo("Inbox"))
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(token)
        .get(sim.graphBaseUrl() + "/me/mailFolders/" + inboxId + "/childFolders")
        .then()
        .statusCode(200)
        .body("value.displayName", hasItems("Project 1", "Project 3"));
    Round folders = DeltaClient.round(token, sim.graphBaseUrl() + "/me/mailFolders/delta", r -> r);
    assertThat(folders.items()).hasSize(6 + 4);
  }

  @Test
  void aMoveIsARemovalInOneFolderAndAnArrivalInTheOtherUnderTheSameImmutableId() {
    Tenant tenant = seed("moves", 30, 0);
    User user = user(tenant, 0);
    String token = TestTokens.app(sim.context(), tenant.id(), "Mail.Read");
    String base = sim.graphBaseUrl() + "/users/" + user.id() + "/mailFolders/";
    Round inbox = DeltaClient.round(token, base + "inbox/messages/delta", IMMUTABLE);
    Round archive = DeltaClient.round(token, base + "archive/messages/delta", IMMUTABLE);
    String moved = String.valueOf(inbox.items().get(0).get("id"));
    String restIdBefore = restId(token, user, moved);

    mutate(
        tenant,
        new JsonObject()
            .put(
                "messages",
                new JsonObject()
                    .put(
                        "move",
                        new JsonArray()
                            .add(new JsonObject().put("id", moved).put("to", "archive")))));

    Round inboxAfter = DeltaClient.round(token, inbox.deltaLink(), IMMUTABLE);
    Round archiveAfter = DeltaClient.round(token, archive.deltaLink(), IMMUTABLE);
    assertThat(inboxAfter.items())
        .singleElement()
        .satisfies(
            i ->
                assertThat(i)
                    .containsEntry("id", moved)
                    .containsEntry("@removed", Map.of("reason", "deleted")));
    assertThat(archiveAfter.items())
        .singleElement()
        .satisfies(i -> assertThat(i.get("id")).isEqualTo(moved));
    assertThat(restId(token, user, moved))
        .as("REST ids change on a move")
        .isNotEqualTo(restIdBefore);
  }

  @Test
  void replayingPerFolderDeltasAfterRandomMutationsYieldsTheGroundTruth() {
    Tenant tenant = seed("mailprop", 40, 3);
    String token = TestTokens.app(sim.context(), tenant.id(), "Mail.Read");
    Random random = new Random(7);
    Map<String, String> links = new HashMap<>();
    Map<String, Map<String, Map<String, Object>>> replicas = new HashMap<>();
    for (int round = 0; round < 6; round++) {
      for (Map<String, Object> truth : truth(tenant, "mailFolder")) {
        String key = truth.get("ownerId") + "/" + truth.get("id");
        String start =
            links.getOrDefault(
                key,
                sim.graphBaseUrl()
                    + "/users/"
                    + truth.get("ownerId")
                    + "/mailFolders/"
                    + truth.get("id")
                    + "/messages/delta");
        Round result = DeltaClient.round(token, start, IMMUTABLE);
        result.applyTo(replicas.computeIfAbsent(key, k -> new HashMap<>()));
        links.put(key, result.deltaLink());
      }
      Map<String, String> expected =
          truth(tenant, "message").stream()
              .collect(
                  Collectors.toMap(
                      t -> String.valueOf(t.get("id")),
                      t -> t.get("ownerId") + "/" + t.get("containerId")));
      Map<String, String> synced = new HashMap<>();
      replicas.forEach((folder, items) -> items.keySet().forEach(id -> synced.put(id, folder)));
      assertThat(synced).as("round %d", round).isEqualTo(expected);
      mutate(
          tenant,
          new JsonObject()
              .put(
                  "messages",
                  new JsonObject()
                      .put("create", random.nextInt(10))
                      .put("update", random.nextInt(10))
                      .put("delete", random.nextInt(5))
                      .put("move", random.nextInt(10))));
    }
  }

  @Test
  void usersWithoutAMailboxOtherUsersAndMissingPermissionsAreRefusedAsOutlookDoes() {
    Tenant tenant =
        sim.context()
            .directory()
            .locked(
                () ->
                    new Seeder(sim.context().directory())
                        .seedTenant(new SeedSpec("refusals", 3, 1, 0, 2, 0, 0, 0)));
    User withMailbox = user(tenant, 0);
    User noMailbox = user(tenant, 2);
    String app = TestTokens.app(sim.context(), tenant.id(), "Mail.Read");

    given()
        .auth()
        .oauth2(app)
        .get(sim.graphBaseUrl() + "/users/" + noMailbox.id() + "/mailFolders")
        .then()
        .statusCode(404)
        .body("error.code", equalTo("MailboxNotEnabledForRESTAPI"));
    given()
        .auth()
        .oauth2(app)
        .get(sim.graphBaseUrl() + "/users/nobody/mailFolders")
        .then()
        .statusCode(404)
        .body("error.code", equalTo("ErrorInvalidUser"));
    given()
        .auth()
        .oauth2(TestTokens.delegated(sim.context(), tenant.id(), withMailbox.id(), "Mail.Read"))
        .get(sim.graphBaseUrl() + "/users/" + user(tenant, 1).id() + "/mailFolders")
        .then()
        .statusCode(403)
        .body("error.code", equalTo("ErrorAccessDenied"));
    given()
        .auth()
        .oauth2(TestTokens.app(sim.context(), tenant.id(), "User.Read.All"))
        .get(sim.graphBaseUrl() + "/users/" + withMailbox.id() + "/mailFolders")
        .then()
        .statusCode(403)
        .body("error.code", equalTo("ErrorAccessDenied"));
    given()
        .auth()
        .oauth2(app)
        .get(sim.graphBaseUrl() + "/me/mailFolders")
        .then()
        .statusCode(400)
        .body("error.code", equalTo("BadRequest"));
    given()
        .auth()
        .oauth2(app)
        .get(sim.graphBaseUrl() + "/users/" + withMailbox.id() + "/mailFolders/nope/messages/delta")
        .then()
        .statusCode(404)
        .body("error.code", equalTo("ErrorItemNotFound"));
  }

  @Test
  void listingMessagesPagesWithTopAndSkip() {
    Tenant tenant = seed("listing", 25, 0);
    String token = TestTokens.app(sim.context(), tenant.id(), "Mail.Read");
    String url =
        sim.graphBaseUrl()
            + "/users/"
            + user(tenant, 0).id()
            + "/mailFolders/inbox/messages?$top=5";
    int total = 0;
    while (url != null) {
      JsonPath page =
          given()
              .auth()
              .oauth2(token)
              .urlEncodingEnabled(false)
              .get(url)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      total += page.getList("value").size();
      url = page.getString("'@odata.nextLink'");
    }
    long inInbox =
        truth(tenant, "message").stream()
            .filter(t -> t.get("ownerId").equals(user(tenant, 0).id()))
            .filter(
                t ->
                    t.get("containerId")
                        .equals(
                            sim.context()
                                .directory()
                                .locked(
                                    () ->
                                        tenant
                                            .mailbox(user(tenant, 0).id())
                                            .orElseThrow()
                                            .folder("inbox")
                                            .orElseThrow()
                                            .id())))
            .count();
    assertThat(total).isEqualTo(inInbox).isPositive();
  }

  private static String restId(String token, User user, String immutableId) {
    return given()
        .auth()
        .oauth2(token)
        .get(sim.graphBaseUrl() + "/users/" + user.id() + "/messages/" + immutableId)
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  private static Tenant seed(String name, int messages, int folders) {
    return new Seeder(sim.context().directory())
        .seedTenant(new SeedSpec(name, 3, 0, 0, messages, folders, 0, 0));
  }

  private static User user(Tenant tenant, int index) {
    return sim.context()
        .directory()
        .locked(
            () ->
                tenant.users().live().stream()
                    .sorted(java.util.Comparator.comparing(User::userPrincipalName))
                    .toList()
                    .get(index));
  }

  private static void mutate(Tenant tenant, JsonObject body) {
    given()
        .contentType("application/json")
        .body(body.encode())
        .post(sim.baseUrl() + "/_sim/tenants/" + tenant.id() + "/mutations")
        .then()
        .statusCode(200);
  }

  private static List<Map<String, Object>> truth(Tenant tenant, String objectType) {
    List<Map<String, Object>> all =
        given()
            .get(sim.baseUrl() + "/_sim/tenants/" + tenant.id() + "/truth?resource=mail")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return all.stream().filter(t -> objectType.equals(t.get("objectType"))).toList();
  }
}
