package dev.o365connector.simulator.faults;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One fault-injection rule as {@code POST /_sim/faults} takes it: which requests it matches
 * (method, path regex, tenant), what it does (status, Retry-After, latency) and how often (count,
 * probability). Null fields are unset.
 */
record FaultRule(
    String method,
    Pattern pathRegex,
    String tenantId,
    Integer status,
    Integer retryAfterSeconds,
    Instant retryAfterDate,
    Integer count,
    Double probability,
    Long latencyMs) {

  private static final Set<String> FIELDS =
      Set.of(
          "method",
          "pathRegex",
          "tenantId",
          "status",
          "retryAfterSeconds",
          "retryAfterDate",
          "count",
          "probability",
          "latencyMs");

  /** The rule {@code json} describes; IllegalArgumentException says what is wrong with it. */
  static FaultRule parse(JsonObject json) {
    for (String field : json.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("unknown field " + field + "; known: " + FIELDS);
      }
    }
    try {
      FaultRule rule =
          new FaultRule(
              method(json.getString("method")),
              regex(json.getString("pathRegex")),
              json.getString("tenantId"),
              json.getInteger("status"),
              json.getInteger("retryAfterSeconds"),
              date(json.getString("retryAfterDate")),
              json.getInteger("count"),
              json.getDouble("probability"),
              json.getLong("latencyMs"));
      rule.check();
      return rule;
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("a field has the wrong type: " + e.getMessage(), e);
    }
  }

  private void check() {
    require(status != null || latencyMs != null, "a rule needs a status or a latencyMs");
    require(status == null || (status >= 400 && status <= 599), "status must be 400..599");
    require(retryAfterSeconds == null || retryAfterSeconds >= 0, "retryAfterSeconds must be >= 0");
    require(
        retryAfterSeconds == null || retryAfterDate == null,
        "give retryAfterSeconds or retryAfterDate, not both");
    require(
        status != null || (retryAfterSeconds == null && retryAfterDate == null),
        "Retry-After needs a status");
    require(count == null || count >= 1, "count must be >= 1");
    require(
        probability == null || (probability >= 0 && probability <= 1),
        "probability must be within 0..1");
    require(latencyMs == null || latencyMs >= 0, "latencyMs must be >= 0");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  FaultRule withTenantId(String resolved) {
    return new FaultRule(
        method,
        pathRegex,
        resolved,
        status,
        retryAfterSeconds,
        retryAfterDate,
        count,
        probability,
        latencyMs);
  }

  /** The Retry-After header value, or null when the rule sets none. */
  String retryAfter() {
    if (retryAfterDate != null) {
      return DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAfterDate.atOffset(ZoneOffset.UTC));
    }
    return retryAfterSeconds == null ? null : String.valueOf(retryAfterSeconds);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("method", method)
        .put("pathRegex", pathRegex == null ? null : pathRegex.pattern())
        .put("tenantId", tenantId)
        .put("status", status)
        .put("retryAfterSeconds", retryAfterSeconds)
        .put("retryAfterDate", retryAfterDate == null ? null : retryAfter())
        .put("count", count)
        .put("probability", probability)
        .put("latencyMs", latencyMs);
  }

  private static String method(String method) {
    return method == null ? null : method.toUpperCase(Locale.ROOT);
  }

  private static Pattern regex(String regex) {
    try {
      return regex == null ? null : Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("pathRegex is not a Java regex: " + e.getMessage(), e);
    }
  }

  // An HTTP-date as the header carries it; an ISO-8601 instant is accepted too, for convenience.
  private static Instant date(String date) {
    if (date == null) {
      return null;
    }
    try {
      return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date));
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(date);
      } catch (DateTimeParseException notIso) {
        throw new IllegalArgumentException(
            "retryAfterDate must be an HTTP-date (RFC 1123), e.g. Wed, 21 Oct 2026 07:28:00 GMT",
            e);
      }
    }
  }
}
