package dev.o365connector.sync.delta;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Following a Graph delta query, or a listing, page by page: from a URL through its nextLinks to
 * the page that has none (a delta query's last page carries the deltaLink instead). Each page is
 * handed to the caller's step, and only when the step completed is the next page asked for, so a
 * caller that stores a page's link in its step never stores one past work it has not done. A
 * failure (a step's, or a page's: a 410 is {@code graph.GraphGone}) ends the loop and is the
 * caller's to handle: {@link DeltaRound} resyncs the scope, the owner directory starts over.
 */
public final class DeltaLoop {

  /** How a page is fetched: through the gateway, or a test's stand-in. */
  @FunctionalInterface
  public interface Pages {
    Uni<JsonNode> get(String url);
  }

  /** What a caller does with each page before the loop goes on. */
  @FunctionalInterface
  public interface Step {
    Uni<Void> apply(DeltaPage page);
  }

  private DeltaLoop() {}

  /**
   * Follows a delta query from {@code url} to its deltaLink, which it completes with. A page with
   * neither link fails the round before its step.
   */
  public static Uni<String> follow(Pages pages, String url, Step step) {
    return loop(pages, url, step, true);
  }

  /** Every item of a listing (no delta, no deltaLink) at {@code url}, and the requests it took. */
  public static Uni<Listing> list(Pages pages, String url) {
    return Uni.createFrom()
        .deferred(
            () -> {
              List<JsonNode> items = new ArrayList<>();
              AtomicInteger requests = new AtomicInteger();
              return loop(
                      pages,
                      url,
                      page -> {
                        requests.incrementAndGet();
                        page.items().forEach(items::add);
                        return Uni.createFrom().voidItem();
                      },
                      false)
                  .map(x -> new Listing(List.copyOf(items), requests.get()));
            });
  }

  private static Uni<String> loop(Pages pages, String url, Step step, boolean delta) {
    return pages
        .get(url)
        .map(DeltaPage::of)
        .flatMap(
            page -> {
              if (delta && page.link() == null) {
                return Uni.createFrom()
                    .failure(
                        new IllegalStateException("a delta page without nextLink or deltaLink"));
              }
              return step.apply(page)
                  .flatMap(
                      x ->
                          page.last()
                              ? Uni.createFrom().item(page.deltaLink())
                              : loop(pages, page.nextLink(), step, delta));
            });
  }
}
