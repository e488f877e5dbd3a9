package dev.o365connector.sync.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.sync.graph.GraphGone;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeltaLoopTest {

  /** Pages by URL; a URL without one answers 410, as Graph does for an expired token. */
  private final Map<String, JsonNode> graph = new HashMap<>();

  /** What happened, in order: "asked URL" and "handled URL-of-the-page's-link". */
  private final List<String> log = new ArrayList<>();

  private final DeltaLoop.Pages pages =
      url -> {
        log.add("asked " + url);
        JsonNode page = graph.get(url);
        return page == null
            ? Uni.createFrom().failure(new GraphGone(url))
            : Uni.createFrom().item(page);
      };

  private final DeltaLoop.Step handled =
      page -> {
        log.add("handled " + page.link() + (page.last() ? " (last)" : ""));
        return Uni.createFrom().voidItem();
      };

  @Test
  void followsEveryNextLinkAndEndsWithTheDeltaLink() {
    graph.put("start", page("{'value': [{'id': 'a'}], '@odata.nextLink': 'p2'}"));
    graph.put("p2", page("{'value': [{'id': 'b'}], '@odata.nextLink': 'p3'}"));
    graph.put("p3", page("{'value': [], '@odata.deltaLink': 'delta'}"));
    graph.put("delta", page("{'value': [{'id': 'next round'}], '@odata.deltaLink': 'again'}"));

    String deltaLink = DeltaLoop.follow(pages, "start", handled).await().indefinitely();

    assertThat(deltaLink).isEqualTo("delta");
    assertThat(log)
        .containsExactly(
            "asked start",
            "handled p2",
            "asked p2",
            "handled p3",
            "asked p3",
            "handled delta (last)");
  }

  @Test
  void theNextPageIsAskedForOnlyOnceTheStepCompleted() {
    graph.put("start", page("{'value': [], '@odata.nextLink': 'p2'}"));
    graph.put("p2", page("{'value': [], '@odata.deltaLink': 'delta'}"));
    AtomicReference<UniEmitter<? super Void>> pending = new AtomicReference<>();
    AtomicReference<String> done = new AtomicReference<>();

    DeltaLoop.follow(
            pages,
            "start",
            page -> {
              log.add("handling " + page.link());
              return page.last()
                  ? Uni.createFrom().voidItem()
                  : Uni.createFrom().<Void>emitter(pending::set);
            })
        .subscribe()
        .with(done::set);

    assertThat(log).containsExactly("asked start", "handling p2");
    pending.get().complete(null);
    assertThat(log).containsExactly("asked start", "handling p2", "asked p2", "handling delta");
    assertThat(done).hasValue("delta");
  }

  @Test
  void aStepSeesEachPageWithItsItems() {
    graph.put("start", page("{'value': [{'id': 'a'}, {'id': 'b'}], '@odata.nextLink': 'p2'}"));
    graph.put("p2", page("{'value': [{'id': 'c', '@removed': {}}], '@odata.deltaLink': 'd'}"));
    List<String> ids = new ArrayList<>();

    DeltaLoop.follow(
            pages,
            "start",
            page -> {
              page.items().forEach(item -> ids.add(item.path("id").asText()));
              return Uni.createFrom().voidItem();
            })
        .await()
        .indefinitely();

    assertThat(ids).containsExactly("a", "b", "c");
  }

  @Test
  void a410EndsTheLoopAsGraphGoneAfterThePagesBeforeIt() {
    graph.put("start", page("{'value': [], '@odata.nextLink': 'expired'}"));
    graph.put("later", page("{'value': [], '@odata.deltaLink': 'delta'}"));

    assertThatThrownBy(() -> DeltaLoop.follow(pages, "start", handled).await().indefinitely())
        .isInstanceOf(GraphGone.class);
    assertThat(log).containsExactly("asked start", "handled expired", "asked expired");
  }

  @Test
  void aDeltaPageWithNeitherLinkFailsBeforeItsStep() {
    graph.put("start", page("{'value': [], '@odata.nextLink': 'p2'}"));
    graph.put("p2", page("{'value': [{'id': 'a'}]}"));

    assertThatThrownBy(() -> DeltaLoop.follow(pages, "start", handled).await().indefinitely())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without nextLink or deltaLink");
    assertThat(log).containsExactly("asked start", "handled p2", "asked p2");
  }

  @Test
  void aFailingStepStopsTheLoop() {
    graph.put("start", page("{'value': [], '@odata.nextLink': 'p2'}"));
    graph.put("p2", page("{'value': [], '@odata.deltaLink': 'delta'}"));

    assertThatThrownBy(
            () ->
                DeltaLoop.follow(
                        pages,
                        "start",
                        page -> Uni.createFrom().failure(new IllegalStateException("kafka down")))
                    .await()
                    .indefinitely())
        .hasMessage("kafka down");
    assertThat(log).containsExactly("asked start");
  }

  @Test
  void aListingIsReadToThePageWithoutNextLinkAndCountsItsRequests() {
    graph.put("groups", page("{'value': [{'id': 'g1'}, {'id': 'g2'}], '@odata.nextLink': 'g?2'}"));
    graph.put("g?2", page("{'value': [{'id': 'g3'}]}"));

    Listing listing = DeltaLoop.list(pages, "groups").await().indefinitely();

    assertThat(listing.items())
        .extracting(item -> item.path("id").asText())
        .containsExactly("g1", "g2", "g3");
    assertThat(listing.requests()).isEqualTo(2);
    assertThat(log).containsExactly("asked groups", "asked g?2");
  }

  private static JsonNode page(String json) {
    try {
      return ContractJson.mapper().readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
