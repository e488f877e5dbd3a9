package dev.o365connector.sync.delta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeScope;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** How one delta page becomes change events, and what must be recorded once they are published. */
public interface PageHandler {

  /** The change events of one page, in page order. */
  Uni<List<ChangeEvent>> events(ChangeScope scope, JsonNode page);

  /**
   * Runs after the page's events were acknowledged and before its link is stored: bookkeeping the
   * next rounds rely on (a new folder's cursor, a departed user's cursors dropped). A crash in
   * between replays the page, so it must be idempotent.
   */
  default Uni<Void> published(List<ChangeEvent> events) {
    return Uni.createFrom().voidItem();
  }

  /** A handler turning each item on its own into events, with nothing to record. */
  static PageHandler perItem(BiFunction<ChangeScope, JsonNode, List<ChangeEvent>> toEvents) {
    return (scope, page) -> {
      List<ChangeEvent> events = new ArrayList<>();
      for (JsonNode item : page.path("value")) {
        events.addAll(toEvents.apply(scope, item));
      }
      return Uni.createFrom().item(events);
    };
  }

  /** This handler, with {@code published} run once each page's events are acknowledged. */
  default PageHandler whenPublished(Function<List<ChangeEvent>, Uni<Void>> published) {
    PageHandler events = this;
    return new PageHandler() {
      @Override
      public Uni<List<ChangeEvent>> events(ChangeScope scope, JsonNode page) {
        return events.events(scope, page);
      }

      @Override
      public Uni<Void> published(List<ChangeEvent> list) {
        return events.published(list).flatMap(x -> published.apply(list));
      }
    };
  }
}
