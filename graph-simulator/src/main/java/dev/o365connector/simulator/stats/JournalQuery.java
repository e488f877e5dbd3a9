package dev.o365connector.simulator.stats;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which journal entries {@code GET /_sim/requests} returns.
 *
 * @param pathRegex found anywhere in the path (as fault rules match); null matches every path
 * @param since the earliest arrival; null for no bound
 * @param limit at most this many, the most recent
 */
record JournalQuery(Pattern pathRegex, Instant since, int limit) {

  static final int DEFAULT_LIMIT = 1000;

  /** The query {@code params} give; IllegalArgumentException says what is wrong with them. */
  static JournalQuery parse(MultiMap params) {
    return new JournalQuery(
        regex(params.get("pathRegex")), instant(params.get("since")), limit(params.get("limit")));
  }

  boolean matches(RequestJournal.Entry entry) {
    return (pathRegex == null || pathRegex.matcher(entry.path()).find())
        && (since == null || !entry.receivedAt().isBefore(since));
  }

  private static Pattern regex(String regex) {
    try {
      return regex == null ? null : Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("pathRegex is not a Java regex: " + e.getMessage(), e);
    }
  }

  private static Instant instant(String since) {
    try {
      return since == null ? null : Instant.parse(since);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "since must be an ISO-8601 instant, e.g. 2026-11-26T18:00:00.123Z", e);
    }
  }

  private static int limit(String limit) {
    try {
      int parsed = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit);
      if (parsed < 0) {
        throw new IllegalArgumentException("limit must be >= 0");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number", e);
    }
  }
}
