package dev.o365connector.simulator.identity;

import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Consent pages awaiting Accept or Cancel, keyed by an opaque one-time id. */
final class ConsentPrompts {

  private static final Duration LIFETIME = Duration.ofMinutes(30);

  /** What Accept and Cancel do; each yields the answer to send back to the app. */
  record Prompt(
      Function<RoutingContext, AuthorizeReply> accept,
      Function<RoutingContext, AuthorizeReply> decline) {}

  private record Pending(Prompt prompt, Instant expiresAt) {}

  private final Map<String, Pending> pending = new LinkedHashMap<>();

  synchronized String open(Prompt prompt, Instant now) {
    Iterator<Pending> old = pending.values().iterator();
    while (old.hasNext() && !old.next().expiresAt().isAfter(now)) {
      old.remove();
    }
    String id = OpaqueTokens.next(24);
    pending.put(id, new Pending(prompt, now.plus(LIFETIME)));
    return id;
  }

  /** The prompt, removed: a second answer to the same page finds nothing. */
  synchronized Optional<Prompt> take(String id, Instant now) {
    Pending found = id == null ? null : pending.remove(id);
    if (found == null || !found.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(found.prompt());
  }
}
