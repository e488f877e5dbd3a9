package dev.o365connector.simulator.drive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.drive.model.Drive;
import dev.o365connector.simulator.drive.model.DriveItem;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.testing.TestTokens;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DriveRoutesTest {

  /** What a sync client keeps per item: its version (from the eTag) and its parent. */
  record Known(long version, String parentId) {}

  private static GraphSimulator sim;
  private static Tenant tenant;
  private static User owner;
  private static User colleague;
  private static User withoutDrive;
  private static String appToken;

  @BeforeAll
  static void start() {
    sim = new GraphSimulator(SimulatorConfig.defaults()).start();
    tenant = seed("files", 3, 1, 40);
    List<User> users = locked(() -> tenant.users().live());
    List<User> withDrive = users.stream().filter(User::hasDrive).toList();
    owner = withDrive.get(0);
    colleague = withDrive.get(1);
    withoutDrive = users.stream().filter(u -> !u.hasDrive()).findFirst().orElseThrow();
    appToken = TestTokens.app(sim.context(), tenant.id(), "Files.Read.All");
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @Test
  void aFullRoundInSmallPagesEndsInADeltaLinkWhoseItemsAreTheTruth() {
    String start = sim.graphBaseUrl() + "/users/" + owner.id() + "/drive/root/delta";

    Round round = round(appToken, start, 7);

    assertThat(round.pages).isGreaterThanOrEqualTo(6);
    assertThat(round.nextLinks).allMatch(link -> link.startsWith(start + "?token="));
    assertThat(round.deltaLink).startsWith(start + "?token=");
    assertThat(round.replica()).hasSize(41).isEqualTo(truth(tenant, drive(tenant, owner)));
  }

  @Test
  void replayingDeltaLinksAfterRandomMutationsConvergesOnTheTruth() {
    Coverage coverage = new Coverage();
    for (int seed = 1; seed <= 4; seed++) {
      Tenant fresh = seed("files-prop-" + seed, 2, 0, 25);
      int pick = seed % 2;
      User user = locked(() -> fresh.users().live().get(pick));
      Drive drive = drive(fresh, user);
      String token = TestTokens.app(sim.context(), fresh.id(), "Files.Read.All");
      String start = sim.graphBaseUrl() + "/users/" + user.id() + "/drive/root/delta";
      Random random = new Random(seed);
      Ids ids = new Ids(seed);

      Round first = round(token, start, 1 + random.nextInt(9));
      Map<String, Known> replica = first.replica();
      assertThat(replica).as("seed %d, initial round", seed).isEqualTo(truth(fresh, drive));
      List<String> links = new ArrayList<>(List.of(first.deltaLink));
      List<Map<String, Known>> replicaAtLink = new ArrayList<>(List.of(Map.copyOf(replica)));
      for (int step = 0; step < 6; step++) {
        mutate(fresh, random, ids, coverage);
        Round round = round(token, links.get(links.size() - 1), 1 + random.nextInt(9));
        round.applyTo(replica);
        assertThat(replica).as("seed %d, step %d", seed, step).isEqualTo(truth(fresh, drive));
        links.add(round.deltaLink);
        replicaAtLink.add(Map.copyOf(replica));
      }
      mutate(fresh, random, ids, coverage);

      for (int i = 0; i < links.size(); i++) {
        Map<String, Known> earlier = new HashMap<>(replicaAtLink.get(i));
        round(token, links.get(i), 1 + random.nextInt(9)).applyTo(earlier);
        assertThat(earlier).as("seed %d, link %d", seed, i).isEqualTo(truth(fresh, drive));
      }
    }
    assertThat(coverage.moved).isPositive();
    assertThat(coverage.deletedBelowFolders).isPositive();
  }

  @Test
  void deletingAFolderReportsItAndEverythingBelowItWithTheDeletedFacet() {
    Tenant fresh = seed("files-delete", 1, 0, 0);
    User user = locked(() -> fresh.users().live().get(0));
    Drive drive = drive(fresh, user);
    String token = TestTokens.app(sim.context(), fresh.id(), "Files.Read.All");
    String start = sim.graphBaseUrl() + "/users/" + user.id() + "/drive/root/delta";
    DriveItem folder =
        locked(
            () -> {
              DriveSeeder seeder = new DriveSeeder(new Ids(1));
              DriveItem top = seeder.newFolder(drive, "root");
              DriveItem nested = seeder.newFolder(drive, top.id());
              seeder.newFile(drive, nested.id());
              seeder.newFile(drive, top.id());
              seeder.newFile(drive, "root");
              return top;
            });
    String link = round(token, start, 200).deltaLink;

    JsonObject changed =
        locked(
            () ->
                new DriveItemMutations()
                    .apply(
                        fresh,
                        new JsonObject().put("delete", new JsonArray().add(folder.id())),
                        new Ids(2)));
    Round round = round(token, link, 2);

    List<JsonObject> deleted = round.items.stream().filter(i -> i.containsKey("deleted")).toList();
    assertThat(deleted).hasSize(4);
    assertThat(deleted)
        .extracting(i -> i.getString("id"))
        .containsExactlyInAnyOrderElementsOf(
            changed.getJsonArray("deleted").stream().map(String::valueOf).toList());
    JsonObject top =
        deleted.stream()
            .filter(i -> i.getString("id").equals(folder.id()))
            .findFirst()
            .orElseThrow();
    assertThat(top.fieldNames()).containsExactlyInAnyOrder("id", "deleted", "parentReference");
    assertThat(top.getJsonObject("deleted")).isEqualTo(new JsonObject().put("state", "deleted"));
    assertThat(top.getJsonObject("parentReference"))
        .isEqualTo(
            new JsonObject()
                .put("driveId", drive.id())
                .put("driveType", "business")
                .put("id", locked(() -> drive.root().id())));
    assertThat(round.items)
        .filteredOn(i -> i.containsKey("root"))
        .singleElement()
        .satisfies(
            root -> assertThat(root.getJsonObject("folder").getInteger("childCount")).isEqualTo(1));
  }

  @Test
  void movesShowTheNewParentAndKeepTheCTag() {
    Tenant fresh = seed("files-move", 1, 0, 30);
    User user = locked(() -> fresh.users().live().get(0));
    Drive drive = drive(fresh, user);
    String token = TestTokens.app(sim.context(), fresh.id(), "Files.Read.All");
    String base = sim.graphBaseUrl() + "/users/" + user.id() + "/drive";
    DriveItem file =
        locked(
            () -> drive.items().live().stream().filter(i -> !i.folder()).findFirst().orElseThrow());
    String target =
        locked(
            () ->
                drive.folderIds().stream()
                    .filter(f -> !f.equals(file.parentId()))
                    .findFirst()
                    .orElseThrow());
    JsonObject before = json(get(token, base + "/items/" + file.id()), 200);
    String link = round(token, base + "/root/delta", 200).deltaLink;

    JsonObject changed =
        locked(
            () ->
                new DriveItemMutations()
                    .apply(
                        fresh,
                        new JsonObject()
                            .put(
                                "move",
                                new JsonArray()
                                    .add(new JsonObject().put("id", file.id()).put("to", target))),
                        new Ids(3)));

    assertThat(changed.getJsonArray("moved")).containsExactly(file.id());
    JsonObject moved =
        round(token, link, 200).items.stream()
            .filter(i -> i.getString("id").equals(file.id()))
            .findFirst()
            .orElseThrow();
    assertThat(moved.getJsonObject("parentReference").getString("id")).isEqualTo(target);
    assertThat(moved.getString("eTag")).isNotEqualTo(before.getString("eTag"));
    assertThat(moved.getString("cTag")).isEqualTo(before.getString("cTag"));
  }

  @Test
  void latestStartsFromNowWithAnEmptyPage() {
    Tenant fresh = seed("files-latest", 1, 0, 10);
    User user = locked(() -> fresh.users().live().get(0));
    Drive drive = drive(fresh, user);
    String token = TestTokens.delegated(sim.context(), fresh.id(), user.id(), "Files.Read");
    String start = sim.graphBaseUrl() + "/me/drive/root/delta";

    JsonObject latest = json(get(token, start + "?token=latest"), 200);

    assertThat(latest.getJsonArray("value")).isEmpty();
    assertThat(latest.getString("@odata.deltaLink")).startsWith(start + "?token=");
    DriveItem created = locked(() -> new DriveSeeder(new Ids(4)).newFile(drive, "root"));
    Round round = round(token, latest.getString("@odata.deltaLink"), 200);
    assertThat(round.items)
        .extracting(i -> i.getString("id"))
        .containsExactlyInAnyOrder(created.id(), locked(() -> drive.root().id()));
  }

  @Test
  void killedTokensAnswer410WithALocationThatRestartsTheRound() {
    Tenant fresh = seed("files-gone", 1, 0, 12);
    User user = locked(() -> fresh.users().live().get(0));
    String token = TestTokens.delegated(sim.context(), fresh.id(), user.id(), "Files.Read");
    String start = sim.graphBaseUrl() + "/me/drive/root/delta";
    String link = round(token, start, 5).deltaLink;

    locked(
        () -> {
          fresh.killDeltaTokens(true, sim.context().clock().millis());
          return null;
        });
    Response gone = get(token, link);

    assertThat(json(gone, 410).getJsonObject("error").getString("code"))
        .isEqualTo("resyncRequired");
    assertThat(gone.header("Location")).isEqualTo(start);
    Round restarted = round(token, gone.header("Location"), 5);
    assertThat(restarted.replica()).isEqualTo(truth(fresh, drive(fresh, user)));

    locked(
        () -> {
          fresh.killDeltaTokens(false, sim.context().clock().millis() + 1);
          return null;
        });
    Response expired = get(token, restarted.deltaLink);
    assertThat(json(expired, 410).getJsonObject("error").getString("code"))
        .isEqualTo("syncStateNotFound");
    assertThat(expired.header("Location")).isEqualTo(start);
  }

  @Test
  void meIsTheSignedInUsersDriveAndUsersPathsFollowTheTokenKind() {
    String delegated =
        TestTokens.delegated(sim.context(), tenant.id(), owner.id(), "Files.Read offline_access");
    String base = sim.graphBaseUrl();
    Drive drive = drive(tenant, owner);

    JsonObject me = json(get(delegated, base + "/me/drive"), 200);
    assertThat(me.getString("id")).isEqualTo(drive.id());
    assertThat(me.getString("driveType")).isEqualTo("business");
    assertThat(me.getJsonObject("owner").getJsonObject("user").getString("id"))
        .isEqualTo(owner.id());
    assertThat(json(get(delegated, base + "/users/" + owner.id() + "/drive"), 200).getString("id"))
        .isEqualTo(drive.id());
    assertThat(errorCode(get(delegated, base + "/users/" + colleague.id() + "/drive"), 403))
        .isEqualTo("accessDenied");

    assertThat(
            json(get(appToken, base + "/users/" + colleague.id() + "/drive"), 200).getString("id"))
        .isEqualTo(drive(tenant, colleague).id());
    assertThat(
            json(
                    get(appToken, base + "/users/" + colleague.userPrincipalName() + "/drive/root"),
                    200)
                .containsKey("root"))
        .isTrue();
    assertThat(errorCode(get(appToken, base + "/me/drive"), 400)).isEqualTo("BadRequest");
  }

  @Test
  void aUserWithoutADriveIs404() {
    assertThat(
            errorCode(
                get(appToken, sim.graphBaseUrl() + "/users/" + withoutDrive.id() + "/drive"), 404))
        .isEqualTo("ResourceNotFound");
    assertThat(
            errorCode(
                get(
                    appToken,
                    sim.graphBaseUrl() + "/users/" + withoutDrive.id() + "/drive/root/delta"),
                404))
        .isEqualTo("ResourceNotFound");
  }

  @Test
  void withoutAFilesPermissionEveryRouteIs403AccessDenied() {
    String app = TestTokens.app(sim.context(), tenant.id(), "User.Read.All", "Mail.Read");
    String delegated =
        TestTokens.delegated(sim.context(), tenant.id(), owner.id(), "User.Read Mail.Read");
    String driveId = drive(tenant, owner).id();

    assertThat(
            errorCode(
                get(app, sim.graphBaseUrl() + "/users/" + owner.id() + "/drive/root/delta"), 403))
        .isEqualTo("accessDenied");
    assertThat(errorCode(get(app, sim.graphBaseUrl() + "/drives/" + driveId), 403))
        .isEqualTo("accessDenied");
    assertThat(errorCode(get(delegated, sim.graphBaseUrl() + "/me/drive"), 403))
        .isEqualTo("accessDenied");
  }

  @Test
  void drivesByIdServeDeltaAndItemsButOnlyTheirOwnDriveToDelegatedCallers() {
    Drive drive = drive(tenant, owner);
    String base = sim.graphBaseUrl() + "/drives/" + drive.id();

    Round round = round(appToken, base + "/root/delta", 11);
    assertThat(round.deltaLink).startsWith(base + "/root/delta?token=");
    assertThat(round.replica()).isEqualTo(truth(tenant, drive));
    DriveItem file =
        locked(
            () -> drive.items().live().stream().filter(i -> !i.folder()).findFirst().orElseThrow());
    JsonObject item = json(get(appToken, base + "/items/" + file.id()), 200);
    assertThat(item.getString("name")).isEqualTo(file.name());
    assertThat(item.getJsonObject("file").getString("mimeType")).isEqualTo(file.mimeType());
    assertThat(item.getJsonObject("parentReference").getString("driveId")).isEqualTo(drive.id());
    assertThat(errorCode(get(appToken, base + "/items/01NOSUCHITEM"), 404))
        .isEqualTo("itemNotFound");
    assertThat(errorCode(get(appToken, sim.graphBaseUrl() + "/drives/b!nope"), 404))
        .isEqualTo("itemNotFound");

    String mine = TestTokens.delegated(sim.context(), tenant.id(), owner.id(), "Files.Read");
    String theirs =
        TestTokens.delegated(sim.context(), tenant.id(), colleague.id(), "Files.Read.All");
    assertThat(json(get(mine, base), 200).getString("id")).isEqualTo(drive.id());
    assertThat(errorCode(get(theirs, base + "/root/delta"), 403)).isEqualTo("accessDenied");
  }

  @Test
  void listsChildrenOfTheRootAndOfFoldersPageByPage() {
    Drive drive = drive(tenant, owner);
    String base = sim.graphBaseUrl() + "/users/" + owner.id() + "/drive";
    JsonObject root = json(get(appToken, base + "/root"), 200);
    int childCount = root.getJsonObject("folder").getInteger("childCount");

    List<String> children = new ArrayList<>();
    String url = base + "/root/children?$top=3";
    while (url != null) {
      JsonObject page = json(get(appToken, url), 200);
      page.getJsonArray("value").forEach(c -> children.add(((JsonObject) c).getString("id")));
      url = page.getString("@odata.nextLink");
    }
    assertThat(children)
        .hasSize(childCount)
        .containsExactlyInAnyOrderElementsOf(
            locked(() -> drive.children(drive.root().id()).stream().map(DriveItem::id).toList()));

    String folderId =
        locked(
            () ->
                drive.folderIds().stream()
                    .filter(f -> !f.equals(drive.root().id()))
                    .findFirst()
                    .orElseThrow());
    JsonObject folderChildren = json(get(appToken, base + "/items/" + folderId + "/children"), 200);
    assertThat(folderChildren.getJsonArray("value"))
        .hasSize(locked(() -> drive.children(folderId).size()));
    assertThat(errorCode(get(appToken, base + "/items/01NOSUCHITEM/children"), 404))
        .isEqualTo("itemNotFound");
    assertThat(json(get(appToken, base + "/items/root?$select=name"), 200).fieldNames())
        .containsExactlyInAnyOrder("id", "name");
  }

  @Test
  void theControlApiMutatesDriveItemsAndReportsTheFilesTruth() {
    Tenant fresh = seed("files-control", 2, 0, 5);

    JsonObject changed =
        json(
                given()
                    .contentType("application/json")
                    .body(
                        new JsonObject()
                            .put("driveItems", new JsonObject().put("create", 3).put("delete", 1))
                            .encode())
                    .post(sim.baseUrl() + "/_sim/tenants/" + fresh.id() + "/mutations"),
                200)
            .getJsonObject("driveItems");
    JsonArray truth =
        new JsonArray(
            given()
                .get(sim.baseUrl() + "/_sim/tenants/" + fresh.id() + "/truth?resource=files")
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertThat(changed.getJsonArray("created")).hasSize(3);
    assertThat(changed.getJsonArray("deleted")).isNotEmpty();
    List<String> ids = truth.stream().map(t -> ((JsonObject) t).getString("id")).toList();
    assertThat(ids)
        .containsAll(changed.getJsonArray("created").stream().map(String::valueOf).toList());
    assertThat(ids)
        .doesNotContainAnyElementsOf(
            changed.getJsonArray("deleted").stream().map(String::valueOf).toList());
    assertThat(truth.size()).isEqualTo(2 * 6 + 3 - changed.getJsonArray("deleted").size());
    assertThat(truth.getJsonObject(0).getString("objectType")).isEqualTo("driveItem");
  }

  // --- helpers

  /** Random creates, updates, deletes (folders included) and moves across the tenant's drives. */
  private static void mutate(Tenant tenant, Random random, Ids ids, Coverage coverage) {
    int deletes = random.nextInt(3);
    JsonObject spec =
        new JsonObject()
            .put("create", random.nextInt(6))
            .put("update", random.nextInt(4))
            .put("delete", deletes)
            .put("move", random.nextInt(3));
    JsonObject changed = locked(() -> new DriveItemMutations().apply(tenant, spec, ids));
    coverage.moved += changed.getJsonArray("moved").size();
    coverage.deletedBelowFolders += changed.getJsonArray("deleted").size() - deletes;
  }

  /** How much of what the property test is about its random mutations actually did. */
  static final class Coverage {
    int moved;
    int deletedBelowFolders;
  }

  private static Tenant seed(String name, int users, int withoutDrive, int items) {
    return new Seeder(sim.context().directory())
        .seedTenant(new SeedSpec(name, users, 0, withoutDrive, 0, 0, 0, items));
  }

  private static Drive drive(Tenant tenant, User user) {
    return locked(() -> tenant.drive(user.id()).orElseThrow());
  }

  private static Map<String, Known> truth(Tenant tenant, Drive drive) {
    JsonArray truth = locked(() -> new FilesTruth().truth(tenant, new JsonObject()));
    Map<String, Known> byId = new HashMap<>();
    for (Object entry : truth) {
      JsonObject item = (JsonObject) entry;
      if (item.getString("containerId").equals(drive.id())) {
        byId.put(
            item.getString("id"), new Known(item.getLong("version"), item.getString("parentId")));
      }
    }
    return byId;
  }

  private static <T> T locked(Supplier<T> action) {
    return sim.context().directory().locked(action);
  }

  private static Response get(String token, String url) {
    return given().auth().oauth2(token).urlEncodingEnabled(false).get(url);
  }

  private static JsonObject json(Response response, int status) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    return new JsonObject(response.asString());
  }

  private static String errorCode(Response response, int status) {
    return json(response, status).getJsonObject("error").getString("code");
  }

  /** Follows {@code start} through its nextLinks to the deltaLink, {@code pageSize} per page. */
  private static Round round(String token, String start, int pageSize) {
    Round round = new Round();
    String url = start;
    while (true) {
      JsonObject page =
          json(
              given()
                  .auth()
                  .oauth2(token)
                  .urlEncodingEnabled(false)
                  .header("Prefer", "odata.maxpagesize=" + pageSize)
                  .get(url),
              200);
      round.pages++;
      page.getJsonArray("value").forEach(item -> round.items.add((JsonObject) item));
      if (page.containsKey("@odata.deltaLink")) {
        round.deltaLink = page.getString("@odata.deltaLink");
        return round;
      }
      url = page.getString("@odata.nextLink");
      round.nextLinks.add(url);
    }
  }

  static final class Round {
    int pages;
    String deltaLink;
    final List<String> nextLinks = new ArrayList<>();
    final List<JsonObject> items = new ArrayList<>();

    /** Upserts by id in feed order (the last occurrence wins); a deleted facet removes. */
    void applyTo(Map<String, Known> replica) {
      for (JsonObject item : items) {
        if (item.containsKey("deleted")) {
          replica.remove(item.getString("id"));
        } else {
          String eTag = item.getString("eTag");
          long version =
              Long.parseLong(eTag.substring(eTag.lastIndexOf(',') + 1, eTag.length() - 1));
          replica.put(
              item.getString("id"),
              new Known(version, item.getJsonObject("parentReference").getString("id")));
        }
      }
    }

    Map<String, Known> replica() {
      Map<String, Known> replica = new HashMap<>();
      applyTo(replica);
      return replica;
    }
  }
}
