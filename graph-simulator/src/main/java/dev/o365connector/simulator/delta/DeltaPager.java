package dev.o365connector.simulator.delta;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves delta rounds over a {@link DeltaCollection} as Graph documents them: a round without a
 * token enumerates every live object in scope, page by page through {@code @odata.nextLink}, and
 * ends with an {@code @odata.deltaLink}; replaying that link returns what changed since (latest
 * state per object; removed or out-of-scope ones as removals) and a new deltaLink.
 */
public final class DeltaPager {

  private final DeltaTokens tokens;
  private final Clock clock;
  private final Duration tokenLifetime;

  public DeltaPager(DeltaTokens tokens, Clock clock, Duration tokenLifetime) {
    this.tokens = tokens;
    this.clock = clock;
    this.tokenLifetime = tokenLifetime;
  }

  /**
   * The query parameters a request's token carries (empty for a first request or a bad token), for
   * routes whose scope depends on them.
   */
  public JsonObject params(DeltaQuery query) {
    String token = query.token();
    if (token == null || "latest".equals(token)) {
      return query.params();
    }
    return tokens.decode(token).map(DeltaTokens.State::params).orElse(query.params());
  }

  /** Answers one request; {@code scope} identifies the collection, and tokens are bound to it. */
  public <T extends Versioned> DeltaResult page(
      DeltaCollection<T> collection,
      String scope,
      DeltaQuery query,
      DeltaLinks links,
      DeltaView<T> view) {
    long now = clock.millis();
    if (query.token() == null) {
      return initialPage(
          collection, scope, query.params(), null, collection.sequence(), query, links, view, now);
    }
    if ("latest".equals(query.deltaToken())) {
      String token =
          tokens.encode(changesFrom(collection, scope, collection.sequence(), query.params(), now));
      return new DeltaResult.Page(List.of(), null, links.delta(token));
    }
    Optional<DeltaTokens.State> decoded = tokens.decode(query.token());
    if (decoded.isEmpty() || !decoded.get().scope().equals(scope)) {
      return new DeltaResult.BadToken("Badly formed or unknown delta token.");
    }
    DeltaTokens.State state = decoded.get();
    if (state.epoch() != collection.epoch()) {
      return new DeltaResult.Gone(
          "resyncRequired", "Resync required. Replace any local items with the server's version.");
    }
    if (now - state.issuedAt() > tokenLifetime.toMillis()
        || state.issuedAt() < collection.expiredBefore()) {
      return new DeltaResult.Gone(
          "syncStateNotFound", "The delta token is expired and data must be synchronized again.");
    }
    if (state.initial()) {
      return initialPage(
          collection,
          scope,
          state.params(),
          state.after(),
          state.watermark(),
          query,
          links,
          view,
          now);
    }
    return changesPage(collection, scope, state, query, links, view, now);
  }

  private <T extends Versioned> DeltaResult initialPage(
      DeltaCollection<T> collection,
      String scope,
      JsonObject params,
      String afterId,
      long watermark,
      DeltaQuery query,
      DeltaLinks links,
      DeltaView<T> view,
      long now) {
    List<JsonObject> items = new ArrayList<>();
    String cursor = afterId;
    // Out-of-scope objects are skipped, so read on until the page is full or the collection ends.
    while (items.size() < query.pageSize()) {
      List<T> batch = collection.liveAfter(cursor, query.pageSize() - items.size());
      if (batch.isEmpty()) {
        String token = tokens.encode(changesFrom(collection, scope, watermark, params, now));
        return new DeltaResult.Page(items, null, links.delta(token));
      }
      for (T value : batch) {
        if (view.inScope(value, params)) {
          items.add(view.render(value, params));
        }
      }
      cursor = batch.get(batch.size() - 1).id();
    }
    if (collection.liveAfter(cursor, 1).isEmpty()) {
      String token = tokens.encode(changesFrom(collection, scope, watermark, params, now));
      return new DeltaResult.Page(items, null, links.delta(token));
    }
    DeltaTokens.State next =
        new DeltaTokens.State(scope, collection.epoch(), true, watermark, cursor, 0, now, params);
    return new DeltaResult.Page(items, links.next(tokens.encode(next)), null);
  }

  private <T extends Versioned> DeltaResult changesPage(
      DeltaCollection<T> collection,
      String scope,
      DeltaTokens.State state,
      DeltaQuery query,
      DeltaLinks links,
      DeltaView<T> view,
      long now) {
    // A deltaLink's round covers changes up to the moment it is first replayed; its nextLinks keep
    // that bound, so changes made while paging are left for the next round, not lost.
    long upTo = state.after() == null ? collection.sequence() : state.upTo();
    long after = state.after() == null ? state.watermark() : Long.parseLong(state.after());
    List<DeltaCollection.Entry<T>> page = collection.changes(after, upTo, query.pageSize() + 1);
    boolean more = page.size() > query.pageSize();
    List<DeltaCollection.Entry<T>> shown = more ? page.subList(0, query.pageSize()) : page;
    List<JsonObject> items = new ArrayList<>(shown.size());
    JsonObject params = state.params();
    for (DeltaCollection.Entry<T> entry : shown) {
      boolean gone = entry.removed() || !view.inScope(entry.value(), params);
      items.add(gone ? view.removed(entry, params) : view.render(entry.value(), params));
    }
    if (more) {
      String last = Long.toString(shown.get(shown.size() - 1).sequence());
      DeltaTokens.State next =
          new DeltaTokens.State(
              scope, collection.epoch(), false, state.watermark(), last, upTo, now, params);
      return new DeltaResult.Page(items, links.next(tokens.encode(next)), null);
    }
    return new DeltaResult.Page(
        items, null, links.delta(tokens.encode(changesFrom(collection, scope, upTo, params, now))));
  }

  private static DeltaTokens.State changesFrom(
      DeltaCollection<?> collection, String scope, long watermark, JsonObject params, long now) {
    return new DeltaTokens.State(scope, collection.epoch(), false, watermark, null, 0, now, params);
  }
}
