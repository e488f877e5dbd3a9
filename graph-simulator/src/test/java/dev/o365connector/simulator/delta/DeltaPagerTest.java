package dev.o365connector.simulator.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeltaPagerTest {

  record Item(String id, long version) implements Versioned {}

  private static final DeltaView<Item> VIEW =
      new DeltaView<>() {
        @Override
        public JsonObject render(Item item, JsonObject params) {
          return new JsonObject().put("id", item.id()).put("version", item.version());
        }

        @Override
        public JsonObject removed(DeltaCollection.Entry<Item> entry, JsonObject params) {
          return new JsonObject()
              .put("id", entry.id())
              .put("@removed", new JsonObject().put("reason", entry.removedReason()));
        }
      };

  private static final DeltaLinks LINKS = DeltaLinks.odata("http://sim/v1.0/things/delta");

  private final MutableClock clock = new MutableClock();
  private final DeltaPager pager = new DeltaPager(new DeltaTokens(), clock, Duration.ofDays(7));
  private final DeltaCollection<Item> items = new DeltaCollection<>();

  @Test
  void initialRoundPagesThroughEveryLiveObjectOnceAndEndsWithADeltaLink() {
    for (int i = 0; i < 7; i++) {
      items.put(new Item("id-" + i, 1));
    }
    items.remove("id-3", "deleted");

    Round round = fullRound(null, 3);

    assertThat(round.pages).isEqualTo(2);
    assertThat(round.state.keySet())
        .containsExactlyInAnyOrder("id-0", "id-1", "id-2", "id-4", "id-5", "id-6");
    assertThat(round.deltaLink).startsWith("http://sim/v1.0/things/delta?$deltatoken=");
  }

  @Test
  void deltaLinkReturnsLatestStateOfWhatChangedAndRemovals() {
    items.put(new Item("a", 1));
    items.put(new Item("b", 1));
    items.put(new Item("c", 1));
    Round first = fullRound(null, 10);

    items.put(new Item("a", 2));
    items.put(new Item("a", 3));
    items.remove("b", "deleted");
    items.put(new Item("d", 1));
    Round second = fullRound(token(first.deltaLink), 10);

    assertThat(second.seen).containsExactly("a@3", "b@removed:deleted", "d@1");
  }

  @Test
  void changesMadeWhilePagingAnInitialRoundArriveInTheNextRound() {
    for (int i = 0; i < 6; i++) {
      items.put(new Item("id-" + i, 1));
    }
    DeltaResult.Page firstPage = page(new DeltaQuery(null, null, null, 2));
    items.put(new Item("id-0", 2)); // already returned
    items.put(new Item("id-9", 1)); // created mid-round
    Round rest = fullRound(new DeltaQuery(null, token(firstPage.nextLink()), null, 2));

    Round next = fullRound(token(rest.deltaLink), 10);

    assertThat(next.seen).contains("id-0@2", "id-9@1");
  }

  @Test
  void replayingAnyEarlierDeltaLinkAfterRandomMutationsYieldsExactlyTheGroundTruth() {
    for (long seed = 1; seed <= 20; seed++) {
      DeltaCollection<Item> collection = new DeltaCollection<>();
      Random random = new Random(seed);
      Map<String, Long> truth = new HashMap<>();
      List<String> deltaLinks = new ArrayList<>();
      List<Map<String, Long>> truthAtLink = new ArrayList<>();
      for (int step = 0; step < 15; step++) {
        mutate(collection, truth, random, 1 + random.nextInt(20));
        Round round = fullRound(collection, null, 1 + random.nextInt(7));
        deltaLinks.add(round.deltaLink);
        truthAtLink.add(Map.copyOf(truth));
      }
      mutate(collection, truth, random, 30);

      for (int i = 0; i < deltaLinks.size(); i++) {
        Map<String, Long> replica = new HashMap<>(truthAtLink.get(i));
        Round round = fullRound(collection, token(deltaLinks.get(i)), 1 + random.nextInt(7));
        round.apply(replica);
        assertThat(replica).as("seed %d, link %d", seed, i).isEqualTo(truth);
      }
    }
  }

  @Test
  void latestSkipsHistoryAndReportsOnlyLaterChanges() {
    items.put(new Item("old", 1));
    DeltaResult.Page latest = page(new DeltaQuery("latest", null, null, 10));
    assertThat(latest.items()).isEmpty();

    items.put(new Item("new", 1));

    assertThat(fullRound(token(latest.deltaLink()), 10).seen).containsExactly("new@1");
  }

  @Test
  void tamperedOrForeignTokensAreRejected() {
    items.put(new Item("a", 1));
    String link = fullRound(null, 10).deltaLink;
    String token = token(link);
    String tampered =
        token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);

    assertThat(pager.page(items, "things", new DeltaQuery(tampered, null, null, 10), LINKS, VIEW))
        .isInstanceOf(DeltaResult.BadToken.class);
    assertThat(pager.page(items, "other-scope", new DeltaQuery(token, null, null, 10), LINKS, VIEW))
        .isInstanceOf(DeltaResult.BadToken.class);
    assertThat(pager.page(items, "things", new DeltaQuery("garbage", null, null, 10), LINKS, VIEW))
        .isInstanceOf(DeltaResult.BadToken.class);
  }

  @Test
  void invalidatedTokensAnswerResyncRequiredAndExpiredOnesSyncStateNotFound() {
    items.put(new Item("a", 1));
    String token = token(fullRound(null, 10).deltaLink);

    clock.advance(Duration.ofDays(8));
    assertThat(page(token))
        .isEqualTo(
            new DeltaResult.Gone(
                "syncStateNotFound",
                "The delta token is expired and data must be synchronized again."));

    String fresh = token(fullRound(null, 10).deltaLink);
    items.invalidateTokens();
    assertThat(page(fresh))
        .isInstanceOfSatisfying(
            DeltaResult.Gone.class, g -> assertThat(g.code()).isEqualTo("resyncRequired"));
  }

  // --- helpers

  private static void mutate(
      DeltaCollection<Item> collection, Map<String, Long> truth, Random random, int count) {
    for (int i = 0; i < count; i++) {
      String id = "id-" + random.nextInt(40);
      if (truth.containsKey(id) && random.nextInt(3) == 0) {
        collection.remove(id, "deleted");
        truth.remove(id);
      } else {
        long version = truth.getOrDefault(id, 0L) + 1;
        collection.put(new Item(id, version));
        truth.put(id, version);
      }
    }
  }

  private DeltaResult page(String deltaToken) {
    return pager.page(items, "things", new DeltaQuery(deltaToken, null, null, 10), LINKS, VIEW);
  }

  private DeltaResult.Page page(DeltaQuery query) {
    return (DeltaResult.Page) pager.page(items, "things", query, LINKS, VIEW);
  }

  private Round fullRound(String deltaToken, int pageSize) {
    return fullRound(items, deltaToken, pageSize);
  }

  private Round fullRound(DeltaQuery first) {
    return fullRound(items, first);
  }

  private Round fullRound(DeltaCollection<Item> collection, String deltaToken, int pageSize) {
    return fullRound(collection, new DeltaQuery(deltaToken, null, null, pageSize));
  }

  private Round fullRound(DeltaCollection<Item> collection, DeltaQuery first) {
    Round round = new Round();
    DeltaQuery query = first;
    while (true) {
      DeltaResult.Page page =
          (DeltaResult.Page) pager.page(collection, "things", query, LINKS, VIEW);
      round.pages++;
      page.items().forEach(round::add);
      if (page.deltaLink() != null) {
        round.deltaLink = page.deltaLink();
        return round;
      }
      query = new DeltaQuery(null, token(page.nextLink()), null, first.pageSize());
    }
  }

  private static String token(String link) {
    return URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8);
  }

  static final class Round {
    int pages;
    String deltaLink;
    final List<String> seen = new ArrayList<>();
    final Map<String, Long> state = new HashMap<>();
    final List<JsonObject> raw = new ArrayList<>();

    void add(JsonObject item) {
      raw.add(item);
      if (item.containsKey("@removed")) {
        seen.add(
            item.getString("id")
                + "@removed:"
                + item.getJsonObject("@removed").getString("reason"));
        state.remove(item.getString("id"));
      } else {
        seen.add(item.getString("id") + "@" + item.getLong("version"));
        state.put(item.getString("id"), item.getLong("version"));
      }
    }

    void apply(Map<String, Long> replica) {
      for (JsonObject item : raw) {
        if (item.containsKey("@removed")) {
          replica.remove(item.getString("id"));
        } else {
          replica.put(item.getString("id"), item.getLong("version"));
        }
      }
    }
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T12:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
