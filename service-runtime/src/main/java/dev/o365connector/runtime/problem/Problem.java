package dev.o365connector.runtime.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document as every service answers it: {@code type} is {@link #TYPE_BASE}
 * followed by a stable slug, then {@code title}, {@code status}, {@code detail} and any extension
 * members, in that order.
 */
public record Problem(
    int status, String slug, String title, String detail, Map<String, Object> extensions) {

  /** Where every problem type lives; the slug that follows is the stable part. */
  public static final String TYPE_BASE = "https://o365connector.dev/problems/";

  /** The media type of a problem document. */
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    extensions = Map.copyOf(extensions);
  }

  public Problem(int status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  /** 404: {@code what} (e.g. "Installation 42") does not exist. */
  public static Problem notFound(String what) {
    return new Problem(404, "not-found", "Not found", what + " does not exist");
  }

  /** 400: the request is malformed or breaks a rule; {@code detail} says which. */
  public static Problem invalid(String detail) {
    return new Problem(400, "invalid-request", "Invalid request", detail);
  }

  /** The problem's {@code type} URI. */
  public String type() {
    return TYPE_BASE + slug;
  }

  /** The members in the order they are written; a missing detail stays a {@code null} member. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type());
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.putAll(extensions);
    return body;
  }
}
