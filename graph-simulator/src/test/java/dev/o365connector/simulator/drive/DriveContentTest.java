package dev.o365connector.simulator.drive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.testing.TestTokens;
import io.restassured.response.Response;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.WriteStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DriveContentTest {

  private static final long FIFTY_MB = 50L * 1024 * 1024;

  /** A file the control API created, and where it lies. */
  record File(String id, String ownerId, String driveId) {}

  private static GraphSimulator sim;
  private static Tenant tenant;
  private static String appToken;

  @BeforeAll
  static void start() {
    sim = new GraphSimulator(SimulatorConfig.defaults()).start();
    tenant =
        new Seeder(sim.context().directory())
            .seedTenant(new SeedSpec("content", 2, 0, 0, 0, 0, 0, 12));
    appToken = TestTokens.app(sim.context(), tenant.id(), "Files.Read.All");
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @Test
  void aFiftyMegabyteFileDownloadsWhole() throws Exception {
    File file = createFile(FIFTY_MB);
    String url = sim.graphBaseUrl() + "/users/" + file.ownerId() + "/drive/items/" + file.id();

    assertThat(given().auth().oauth2(appToken).get(url).jsonPath().getLong("size"))
        .isEqualTo(FIFTY_MB);
    Download first = download(appToken, url + "/content");
    Download second = download(appToken, url + "/content");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).isEqualTo("application/octet-stream");
    assertThat(first.contentLength()).isEqualTo(FIFTY_MB);
    assertThat(first.bytes()).isEqualTo(FIFTY_MB);
    assertThat(first.sha256()).isEqualTo(expectedSha256(file.id(), FIFTY_MB));
    assertThat(second.sha256()).isEqualTo(first.sha256());
  }

  @Test
  void contentIsServedUnderEveryDrivePathAndDiffersBetweenFiles() {
    File file = createFile(DriveContent.CHUNK + 1234);
    File other = createFile(DriveContent.CHUNK + 1234);
    String delegated =
        TestTokens.delegated(sim.context(), tenant.id(), file.ownerId(), "Files.Read");

    byte[] byId = bytes(appToken, "/drives/" + file.driveId() + "/items/" + file.id() + "/content");
    byte[] byMe = bytes(delegated, "/me/drive/items/" + file.id() + "/content");
    byte[] otherFile =
        bytes(appToken, "/users/" + other.ownerId() + "/drive/items/" + other.id() + "/content");

    assertThat(byId).isEqualTo(expected(file.id(), DriveContent.CHUNK + 1234)).isEqualTo(byMe);
    assertThat(otherFile).hasSameSizeAs(byId).isNotEqualTo(byId);
  }

  @Test
  void anEmptyFileHasNoBytes() {
    File file = createFile(0);

    Response response =
        given()
            .auth()
            .oauth2(appToken)
            .get(
                sim.graphBaseUrl()
                    + "/drives/"
                    + file.driveId()
                    + "/items/"
                    + file.id()
                    + "/content");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("Content-Length")).isEqualTo("0");
    assertThat(response.asByteArray()).isEmpty();
  }

  @Test
  void foldersAndUnknownItemsHaveNoContentAndFilesNeedAFilesPermission() {
    File file = createFile(10);
    String drive = sim.graphBaseUrl() + "/users/" + file.ownerId() + "/drive";
    String folderId =
        sim.context()
            .directory()
            .locked(
                () ->
                    tenant.drive(file.ownerId()).orElseThrow().folderIds().stream()
                        .filter(id -> !id.equals(tenant.drive(file.ownerId()).get().root().id()))
                        .findFirst()
                        .orElseThrow());
    String mailOnly = TestTokens.app(sim.context(), tenant.id(), "Mail.Read");

    for (String path : List.of("/items/root/content", "/items/" + folderId + "/content")) {
      Response folder = given().auth().oauth2(appToken).get(drive + path);
      assertThat(folder.statusCode()).isEqualTo(404);
      assertThat(folder.jsonPath().getString("error.code")).isEqualTo("itemNotFound");
    }
    assertThat(
            given().auth().oauth2(appToken).get(drive + "/items/01NOSUCHITEM/content").statusCode())
        .isEqualTo(404);
    Response denied =
        given().auth().oauth2(mailOnly).get(drive + "/items/" + file.id() + "/content");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.jsonPath().getString("error.code")).isEqualTo("accessDenied");
  }

  @Test
  void theMutationSizeMustBeANonNegativeWholeNumber() {
    for (Object size : List.of(-1, 1.5, "big")) {
      given()
          .contentType("application/json")
          .body(
              new JsonObject()
                  .put("driveItems", new JsonObject().put("create", 1).put("size", size))
                  .encode())
          .post(sim.baseUrl() + "/_sim/tenants/" + tenant.id() + "/mutations")
          .then()
          .statusCode(400);
    }
  }

  @Test
  void writesBlocksOnlyWhileTheWriteQueueHasRoom() {
    QueueStream out = new QueueStream(2);
    long size = 3L * DriveContent.CHUNK + 5;

    DriveContent.stream(out, "01ABCDEF", size);

    assertThat(out.writes).hasSize(2);
    assertThat(out.ends).isZero();
    out.drain();
    assertThat(out.writes)
        .extracting(Buffer::length)
        .containsExactly(DriveContent.CHUNK, DriveContent.CHUNK, DriveContent.CHUNK, 5);
    assertThat(out.ends).isEqualTo(1);
    Buffer all = Buffer.buffer();
    out.writes.forEach(all::appendBuffer);
    assertThat(all.getBytes()).isEqualTo(expected("01ABCDEF", size));
  }

  @Test
  void stopsWritingOnceAWriteFails() {
    QueueStream out = new QueueStream(Integer.MAX_VALUE);
    out.failing = true;

    DriveContent.stream(out, "01ABCDEF", 10L * DriveContent.CHUNK);

    assertThat(out.writes).hasSize(1);
    assertThat(out.ends).isZero();
  }

  // --- helpers

  /** Creates a file of {@code size} bytes in a random drive of the tenant, as a test would. */
  private static File createFile(long size) {
    JsonObject created =
        new JsonObject(
            given()
                .contentType("application/json")
                .body(
                    new JsonObject()
                        .put("driveItems", new JsonObject().put("create", 1).put("size", size))
                        .encode())
                .post(sim.baseUrl() + "/_sim/tenants/" + tenant.id() + "/mutations")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    String id = created.getJsonObject("driveItems").getJsonArray("created").getString(0);
    JsonArray truth =
        new JsonArray(
            given()
                .get(sim.baseUrl() + "/_sim/tenants/" + tenant.id() + "/truth?resource=files")
                .asString());
    JsonObject item =
        truth.stream()
            .map(JsonObject.class::cast)
            .filter(i -> i.getString("id").equals(id))
            .findFirst()
            .orElseThrow();
    return new File(id, item.getString("ownerId"), item.getString("containerId"));
  }

  private static byte[] bytes(String token, String path) {
    Response response = given().auth().oauth2(token).get(sim.graphBaseUrl() + path);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return response.asByteArray();
  }

  /** The content {@link DriveContent} derives from the id: its block, repeated. */
  private static byte[] expected(String itemId, long size) {
    byte[] block = DriveContent.block(itemId);
    byte[] content = new byte[(int) size];
    for (int at = 0; at < size; at += block.length) {
      System.arraycopy(block, 0, content, at, (int) Math.min(block.length, size - at));
    }
    return content;
  }

  private static String expectedSha256(String itemId, long size) {
    MessageDigest digest = sha256();
    byte[] block = DriveContent.block(itemId);
    for (long at = 0; at < size; at += block.length) {
      digest.update(block, 0, (int) Math.min(block.length, size - at));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  record Download(int status, String contentType, long contentLength, long bytes, String sha256) {}

  /** Reads the body as it arrives, so the test does not hold 50 MB either. */
  private static Download download(String token, String url)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    MessageDigest digest = sha256();
    long bytes = 0;
    try (InputStream body = response.body()) {
      byte[] buffer = new byte[16 * 1024];
      for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
        digest.update(buffer, 0, read);
        bytes += read;
      }
    }
    return new Download(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        response.headers().firstValueAsLong("Content-Length").orElse(-1),
        bytes,
        HexFormat.of().formatHex(digest.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A write queue that is full after {@code capacity} writes, until {@link #drain}. */
  private static final class QueueStream implements WriteStream<Buffer> {
    final List<Buffer> writes = new ArrayList<>();
    final int capacity;
    boolean failing;
    int pending;
    int ends;
    Handler<Void> drainHandler;

    QueueStream(int capacity) {
      this.capacity = capacity;
    }

    void drain() {
      pending = 0;
      drainHandler.handle(null);
    }

    @Override
    public Future<Void> write(Buffer data) {
      writes.add(data);
      pending++;
      return failing ? Future.failedFuture("connection closed") : Future.succeededFuture();
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
      write(data).onComplete(handler);
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
      ends++;
      if (handler != null) {
        handler.handle(Future.succeededFuture());
      }
    }

    @Override
    public boolean writeQueueFull() {
      return pending >= capacity;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
      this.drainHandler = handler;
      return this;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
      return this;
    }
  }
}
