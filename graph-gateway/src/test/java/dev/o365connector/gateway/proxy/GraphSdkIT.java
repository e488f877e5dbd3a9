package dev.o365connector.gateway.proxy;

import static dev.o365connector.gateway.Gateway.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.MessagesRequestBuilder;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.o365connector.gateway.Gateway;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Microsoft Graph Java SDK, unmodified except for its base URL (the gateway's {@code
 * /graph/{installationId}/v1.0}) and its token provider (the caller's platform token): it lists
 * users page by page, completes messages delta rounds ({@code /me} and {@code /users/{id}}, in the
 * SDK's {@code delta()} function form) and sends a {@code $batch}, following only the links the
 * gateway rewrote to point back through itself.
 */
@QuarkusTest
class GraphSdkIT {

  private static String application;
  private static String delegated;

  private static synchronized String application() {
    if (application == null) {
      application = Gateway.applicationInstall();
    }
    return application;
  }

  private static synchronized String delegated() {
    if (delegated == null) {
      delegated = Gateway.delegatedInstall("[\"mail\",\"users\"]");
    }
    return delegated;
  }

  @Test
  void sdkListsUsersPageByPageThroughTheGateway() throws Exception {
    GraphServiceClient graph = sdk(application());
    List<String> expected = plainIds(application(), "/users");
    assertThat(expected).hasSizeGreaterThan(2);

    // Paging by hand, as SDK callers do with withUrl: every link must lead back to the gateway.
    List<String> ids = new ArrayList<>();
    List<String> nextLinks = new ArrayList<>();
    UserCollectionResponse page =
        graph
            .users()
            .get(
                config -> {
                  config.queryParameters.top = 2;
                  config.queryParameters.select = new String[] {"id", "displayName"};
                });
    while (true) {
      page.getValue().forEach(user -> ids.add(user.getId()));
      String next = page.getOdataNextLink();
      if (next == null) {
        break;
      }
      nextLinks.add(next);
      page = graph.users().withUrl(next).get();
    }
    assertThat(ids).containsExactlyElementsOf(expected);
    assertThat(nextLinks)
        .isNotEmpty()
        .allSatisfy(link -> assertThat(link).startsWith(base(application()) + "/users?"));

    // The SDK's own PageIterator follows the same links.
    List<String> iterated = new ArrayList<>();
    PageIterator<User, UserCollectionResponse> iterator =
        new PageIterator.Builder<User, UserCollectionResponse>()
            .client(graph)
            .collectionPage(graph.users().get(config -> config.queryParameters.top = 2))
            .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
            .processPageItemCallback(
                user -> {
                  iterated.add(user.getId());
                  return true;
                })
            .build();
    iterator.iterate();
    assertThat(iterated).containsExactlyElementsOf(expected);
    assertThat(iterator.getPageIteratorState()).isEqualTo(PageIterator.PageIteratorState.COMPLETE);

    // A directory delta round (the SDK's /users/delta() form) ends on a deltaLink to the gateway.
    List<String> delta = new ArrayList<>();
    PageIterator<User, com.microsoft.graph.users.delta.DeltaGetResponse> deltaPages =
        new PageIterator.Builder<User, com.microsoft.graph.users.delta.DeltaGetResponse>()
            .client(graph)
            .collectionPage(
                graph
                    .users()
                    .delta()
                    .get(config -> config.headers.add("Prefer", "odata.maxpagesize=3")))
            .collectionPageFactory(
                com.microsoft.graph.users.delta.DeltaGetResponse::createFromDiscriminatorValue)
            .processPageItemCallback(
                user -> {
                  delta.add(user.getId());
                  return true;
                })
            .build();
    deltaPages.iterate();
    assertThat(delta).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(deltaPages.getDeltaLink()).startsWith(base(application()) + "/users/delta?");
  }

  @Test
  void sdkCompletesADelegatedMessagesDeltaRoundAndReplaysItsDeltaLink() {
    GraphServiceClient graph = sdk(delegated());
    int total =
        get(delegated(), "/me/mailFolders/inbox")
            .then()
            .statusCode(200)
            .extract()
            .path("totalItemCount");
    Instant before = Instant.now();

    DeltaRound round =
        deltaRound(graph.me().mailFolders().byMailFolderId("inbox").messages(), delegated());

    assertThat(round.pages).isGreaterThan(1);
    assertThat(round.messages).hasSize(total);
    // The SDK's delta() function syntax and /me reached Graph as such, through the gateway.
    assertThat(Gateway.graphRequestsSince(before))
        .extracting(r -> ((JsonObject) r).getString("path"))
        .isNotEmpty()
        .allSatisfy(
            path -> assertThat(path).startsWith("/v1.0/me/mailFolders/inbox/messages/delta"));
  }

  @Test
  void sdkCompletesAnApplicationMessagesDeltaRoundForAUser() {
    GraphServiceClient graph = sdk(application());
    String user =
        get(application(), "/users?$top=1").then().statusCode(200).extract().path("value[0].id");
    int total =
        get(application(), "/users/" + user + "/mailFolders/inbox")
            .then()
            .statusCode(200)
            .extract()
            .path("totalItemCount");

    DeltaRound round =
        deltaRound(
            graph.users().byUserId(user).mailFolders().byMailFolderId("inbox").messages(),
            application());

    assertThat(round.pages).isGreaterThan(1);
    assertThat(round.messages).hasSize(total);
  }

  @Test
  void sdkBatchesThroughTheGateway() throws Exception {
    GraphServiceClient graph = sdk(application());
    String user =
        get(application(), "/users?$top=1").then().statusCode(200).extract().path("value[0].id");
    Instant before = Instant.now();

    BatchRequestContent batch = new BatchRequestContent(graph);
    String usersStep =
        batch.addBatchRequestStep(
            graph.users().toGetRequestInformation(config -> config.queryParameters.top = 2));
    String inboxStep =
        batch.addBatchRequestStep(
            graph
                .users()
                .byUserId(user)
                .mailFolders()
                .byMailFolderId("inbox")
                .toGetRequestInformation());
    String refusedStep = batch.addBatchRequestStep(graph.groups().toGetRequestInformation());
    BatchResponseContent answer = graph.getBatchRequestBuilder().post(batch, null);

    UserCollectionResponse users =
        answer.getResponseById(usersStep, UserCollectionResponse::createFromDiscriminatorValue);
    assertThat(users.getValue()).hasSize(2);
    assertThat(users.getOdataNextLink()).startsWith(base(application()) + "/users?");
    MailFolder inbox = answer.getResponseById(inboxStep, MailFolder::createFromDiscriminatorValue);
    assertThat(inbox.getTotalItemCount()).isPositive();
    assertThat(answer.getResponsesStatusCode().get(refusedStep)).isEqualTo(403);
    assertThat(Gateway.graphRequestsSince(before))
        .extracting(r -> ((JsonObject) r).getString("path"))
        .containsExactlyInAnyOrder(
            "/v1.0/$batch", "/v1.0/users", "/v1.0/users/" + user + "/mailFolders/inbox");
  }

  /**
   * A whole delta round with the SDK, five messages a page, then one replay of its deltaLink (no
   * changes since, so no messages); asserts every link the SDK was given leads back to the gateway.
   */
  private static DeltaRound deltaRound(MessagesRequestBuilder messages, String installation) {
    String base = base(installation);
    List<Message> seen = new ArrayList<>();
    DeltaGetResponse page =
        messages.delta().get(config -> config.headers.add("Prefer", "odata.maxpagesize=5"));
    int pages = 1;
    while (true) {
      seen.addAll(page.getValue());
      String next = page.getOdataNextLink();
      if (next == null) {
        break;
      }
      assertThat(next).startsWith(base + "/");
      page = messages.delta().withUrl(next).get();
      pages++;
    }
    String deltaLink = page.getOdataDeltaLink();
    assertThat(deltaLink).startsWith(base + "/");

    DeltaGetResponse changes = messages.delta().withUrl(deltaLink).get();
    assertThat(changes.getValue()).isEmpty();
    assertThat(changes.getOdataNextLink()).isNull();
    assertThat(changes.getOdataDeltaLink()).startsWith(base + "/");
    return new DeltaRound(pages, seen);
  }

  private record DeltaRound(int pages, List<Message> messages) {}

  /** The ids of every item of {@code path} by plain HTTP through the gateway, following links. */
  private static List<String> plainIds(String installation, String path) {
    List<String> ids = new ArrayList<>();
    JsonObject page =
        new JsonObject(get(installation, path).then().statusCode(200).extract().asString());
    while (true) {
      page.getJsonArray("value").forEach(item -> ids.add(((JsonObject) item).getString("id")));
      String next = page.getString("@odata.nextLink");
      if (next == null) {
        return ids;
      }
      page = new JsonObject(Gateway.follow(next).then().statusCode(200).extract().asString());
    }
  }

  /** The SDK as any Graph caller builds it; only the base URL and the token differ. */
  private static GraphServiceClient sdk(String installation) {
    AccessTokenProvider platformToken =
        new AccessTokenProvider() {
          @Override
          public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            return Gateway.readerToken();
          }

          @Override
          public AllowedHostsValidator getAllowedHostsValidator() {
            return new AllowedHostsValidator("localhost");
          }
        };
    GraphServiceClient graph =
        new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(platformToken));
    graph.getRequestAdapter().setBaseUrl(base(installation));
    return graph;
  }

  private static String base(String installation) {
    return "http://localhost:"
        + io.restassured.RestAssured.port
        + "/graph/"
        + installation
        + "/v1.0";
  }
}
