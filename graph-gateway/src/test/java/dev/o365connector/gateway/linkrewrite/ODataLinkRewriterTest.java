package dev.o365connector.gateway.linkrewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ODataLinkRewriterTest {

  private static final String GRAPH = "https://graph.microsoft.com/v1.0";
  private static final String GATEWAY = "http://gw:8082/graph/2f6e/v1.0";
  private static final GraphLinks LINKS = new GraphLinks(GRAPH, GATEWAY);

  private static final String PAGE =
      """
      {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users",\
      "value":[{"id":"1","@odata.nextLink":"https://graph.microsoft.com/v1.0/nested",\
      "note":"say \\"@odata.nextLink\\": https://graph.microsoft.com/v1.0/x"}],\
      "@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=a%2Fb\\u0026c"}""";

  @Test
  void rewritesTopLevelLinksOnlyWhateverTheChunkBoundaries() {
    String expected =
        PAGE.replace(
            "\"@odata.nextLink\":\"https://graph.microsoft.com/v1.0/users",
            "\"@odata.nextLink\":\"" + GATEWAY + "/users");
    assertThat(expected).isNotEqualTo(PAGE);
    byte[] bytes = PAGE.getBytes(StandardCharsets.UTF_8);
    for (int split = 0; split <= bytes.length; split++) {
      for (int second = split; second <= bytes.length; second += 7) {
        ODataLinkRewriter rewriter = LINKS.bodyRewriter();
        Buffer out = Buffer.buffer();
        out.appendBuffer(rewriter.rewrite(Buffer.buffer().appendBytes(bytes, 0, split)));
        out.appendBuffer(
            rewriter.rewrite(Buffer.buffer().appendBytes(bytes, split, second - split)));
        out.appendBuffer(
            rewriter.rewrite(Buffer.buffer().appendBytes(bytes, second, bytes.length - second)));
        assertThat(out.toString(StandardCharsets.UTF_8))
            .as("split at %d/%d", split, second)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void deltaLinkFirstAndOtherHostsUntouched() {
    String body =
        """
        { "@odata.deltaLink" : "https://graph.microsoft.com/v1.0/me/mailFolders/delta?$deltatoken=x",
          "value" : [],
          "@odata.nextLink" : "https://graph.microsoft.com/v1.0evil/users" }""";
    JsonObject out = new JsonObject(LINKS.bodyRewriter().rewrite(Buffer.buffer(body)));
    assertThat(out.getString("@odata.deltaLink"))
        .isEqualTo(GATEWAY + "/me/mailFolders/delta?$deltatoken=x");
    assertThat(out.getString("@odata.nextLink"))
        .isEqualTo("https://graph.microsoft.com/v1.0evil/users");
  }

  @Test
  void arraysAndNonJsonTopLevelsPassThrough() {
    String array = "[{\"@odata.nextLink\":\"https://graph.microsoft.com/v1.0/x\"}]";
    assertThat(LINKS.bodyRewriter().rewrite(Buffer.buffer(array)).toString()).isEqualTo(array);
  }

  @Test
  void locationHeadersAreRewrittenOnlyForGraphsBase() {
    assertThat(LINKS.rewrite(GRAPH + "/users/delta?$deltatoken=1"))
        .contains(GATEWAY + "/users/delta?$deltatoken=1");
    assertThat(LINKS.rewrite("https://elsewhere.example/v1.0/users")).isEmpty();
    assertThat(LINKS.rewrite(GRAPH + "x/users")).isEmpty();
  }
}
