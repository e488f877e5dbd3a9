package dev.o365connector.simulator.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.mail.model.Mailbox;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.testing.ControlApi;
import dev.o365connector.simulator.testing.DeltaClient;
import dev.o365connector.simulator.testing.DeltaClient.Round;
import dev.o365connector.simulator.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MailFolderMutationsTest {

  private static final String IMMUTABLE = "IdType=\"ImmutableId\"";

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
  void createdFoldersAppearInTheTruthAndTheFolderDeltaAtTheTopOrInsideUserMadeFolders() {
    Tenant tenant = seed("fcreate", 2);
    String token = TestTokens.app(sim.context(), tenant.id(), "Mail.Read");
    Map<String, String> links =
        users(tenant).stream()
            .collect(
                Collectors.toMap(
                    User::id, u -> DeltaClient.round(token, folderDelta(u), r -> r).deltaLink()));

    List<String> created =
        mutate(tenant, "{\"mailFolders\":{\"create\":20}}")
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("mailFolders.created");

    assertThat(created).hasSize(20).doesNotHaveDuplicates();
    assertThat(ids(truth(tenant, "mailFolder"))).containsAll(created);
    Set<String> seenByDelta =
        links.values().stream()
            .flatMap(link -> DeltaClient.round(token, link, r -> r).items().stream())
            .map(item -> String.valueOf(item.get("id")))
            .collect(Collectors.toSet());
    assertThat(seenByDelta).containsAll(created);
    List<String> parents =
        sim.context()
            .directory()
            .locked(() -> created.stream().map(id -> parentKind(tenant, id)).toList());
    assertThat(parents).containsOnly("root", "user-made").contains("root", "user-made");
  }

  @Test
  void deletingAFolderRemovesItsSubtreeAndMessagesReportsThemRemovedAndItsMessagesDeltaIsGone() {
    Tenant tenant = seed("fdelete", 2);
    User user = users(tenant).get(0);
    String token = TestTokens.app(sim.context(), tenant.id(), "Mail.Read");
    // Seeded: "Project 1" under the inbox, "Project 2" nested in it.
    String parent = folderNamed(tenant, user, "Project 1");
    String child = folderNamed(tenant, user, "Project 2");
    String message =
        String.valueOf(
            truth(tenant, "message").stream()
                .filter(t -> user.id().equals(t.get("ownerId")))
                .findFirst()
                .orElseThrow()
                .get("id"));
    mutate(
            tenant,
            new JsonObject()
                .put(
                    "messages",
                    new JsonObject()
                        .put(
                            "move",
                            new JsonArray()
                                .add(new JsonObject().put("id", message).put("to", child))))
                .encode())
        .statusCode(200);
    Round folders = DeltaClient.round(token, folderDelta(user), r -> r);
    Round childMessages =
        DeltaClient.round(token, messagesDelta(user, child), r -> r.header("Prefer", IMMUTABLE));
    assertThat(childMessages.items()).extracting(i -> i.get("id")).contains(message);

    List<String> deleted =
        mutate(tenant, "{\"mailFolders\":{\"delete\":[\"" + parent + "\"]}}")
            .statusCode(200)
            .body("mailFolders.created", equalTo(List.of()))
            .extract()
            .jsonPath()
            .getList("mailFolders.deleted");

    assertThat(deleted).containsExactlyInAnyOrder(parent, child);
    assertThat(ids(truth(tenant, "mailFolder"))).doesNotContain(parent, child);
    assertThat(ids(truth(tenant, "message"))).doesNotContain(message);
    List<Map<String, Object>> changes =
        DeltaClient.round(token, folders.deltaLink(), r -> r).items();
    assertThat(changes)
        .filteredOn(i -> i.containsKey("@removed"))
        .allSatisfy(i -> assertThat(i.get("@removed")).isEqualTo(Map.of("reason", "deleted")))
        .extracting(i -> i.get("id"))
        .containsExactlyInAnyOrder(parent, child);
    assertThat(changes)
        .as("the inbox lost a child folder, so it changed too")
        .extracting(i -> i.get("id"))
        .contains(inbox(tenant, user));
    for (String url : List.of(childMessages.deltaLink(), messagesDelta(user, parent))) {
      given()
          .auth()
          .oauth2(token)
          .urlEncodingEnabled(false)
          .get(url)
          .then()
          .statusCode(404)
          .body("error.code", equalTo("ErrorItemNotFound"));
    }
  }

  @Test
  void randomDeletesSpareWellKnownFoldersAndBadSpecsAreRefused() {
    Tenant tenant = seed("fspare", 2);
    mutate(tenant, "{\"mailFolders\":{\"delete\":100}}")
        .statusCode(200)
        .body("mailFolders.deleted.size()", equalTo(2 * 4));
    assertThat(truth(tenant, "mailFolder")).hasSize(2 * Mailbox.WELL_KNOWN.size());

    String inbox = inbox(tenant, users(tenant).get(0));
    mutate(tenant, "{\"mailFolders\":{\"delete\":[\"" + inbox + "\"]}}")
        .statusCode(400)
        .body("error", containsString(inbox));
    mutate(tenant, "{\"mailFolders\":{\"delete\":[\"no-such-folder\"]}}")
        .statusCode(400)
        .body("error", containsString("no-such-folder"));
    mutate(tenant, "{\"mailFolders\":{\"update\":1}}")
        .statusCode(400)
        .body("error", containsString("update"));
    assertThat(truth(tenant, "mailFolder")).hasSize(2 * Mailbox.WELL_KNOWN.size());
  }

  @Test
  void theSameSeedGivesTheSameChanges() {
    String spec = "{\"mailFolders\":{\"create\":5,\"delete\":3}}";
    try (GraphSimulator a = new GraphSimulator(SimulatorConfig.defaults()).start();
        GraphSimulator b = new GraphSimulator(SimulatorConfig.defaults()).start()) {
      assertThat(ControlApi.demoMutation(a, spec, "mailFolders", "mail"))
          .isEqualTo(ControlApi.demoMutation(b, spec, "mailFolders", "mail"));
    }
  }

  /** Four user-made folders a mailbox: two under the inbox, each with a child; 12 messages. */
  private static ValidatableResponse mutate(Tenant tenant, String body) {
    return ControlApi.mutate(sim, tenant.id(), body);
  }

  private static List<Map<String, Object>> truth(Tenant tenant, String objectType) {
    return ControlApi.truth(sim, tenant.id(), "mail", objectType);
  }

  private static Tenant seed(String name, int users) {
    return new Seeder(sim.context().directory())
        .seedTenant(new SeedSpec(name, users, 0, 0, 12, 4, 0, 0));
  }

  private static String parentKind(Tenant tenant, String folderId) {
    for (User user : tenant.users().live()) {
      Mailbox mailbox = tenant.mailbox(user.id()).orElseThrow();
      var folder = mailbox.folders().get(folderId);
      if (folder.isPresent()) {
        String parent = folder.get().parentFolderId();
        if (parent.equals(mailbox.rootId())) {
          return "root";
        }
        return mailbox.folders().get(parent).orElseThrow().wellKnownName() == null
            ? "user-made"
            : "well-known";
      }
    }
    throw new AssertionError("no folder " + folderId);
  }

  private static String folderNamed(Tenant tenant, User user, String name) {
    return sim.context()
        .directory()
        .locked(
            () ->
                tenant.mailbox(user.id()).orElseThrow().folders().live().stream()
                    .filter(f -> f.displayName().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .id());
  }

  private static String inbox(Tenant tenant, User user) {
    return sim.context()
        .directory()
        .locked(() -> tenant.mailbox(user.id()).orElseThrow().folder("inbox").orElseThrow().id());
  }

  private static List<User> users(Tenant tenant) {
    return sim.context().directory().locked(() -> tenant.users().live());
  }

  private static String folderDelta(User user) {
    return sim.graphBaseUrl() + "/users/" + user.id() + "/mailFolders/delta";
  }

  private static String messagesDelta(User user, String folderId) {
    return sim.graphBaseUrl()
        + "/users/"
        + user.id()
        + "/mailFolders/"
        + folderId
        + "/messages/delta";
  }

  private static Set<String> ids(List<Map<String, Object>> truth) {
    return truth.stream().map(t -> String.valueOf(t.get("id"))).collect(Collectors.toSet());
  }
}
