package dev.o365connector.sync.delta;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One page of a delta query or listing.
 *
 * @param body the page as Graph sent it (through the gateway)
 * @param nextLink where the round continues; null on its last page
 * @param deltaLink where the next round starts; only on the last page of a delta query
 */
public record DeltaPage(JsonNode body, String nextLink, String deltaLink) {

  static DeltaPage of(JsonNode body) {
    return new DeltaPage(
        body,
        body.path("@odata.nextLink").asText(null),
        body.path("@odata.deltaLink").asText(null));
  }

  /** The page's items ({@code value}). */
  public JsonNode items() {
    return body.path("value");
  }

  /** Whether the round ends with this page. */
  public boolean last() {
    return nextLink == null;
  }

  /** What to store after this page: the nextLink, or on the last page the deltaLink. */
  public String link() {
    return nextLink != null ? nextLink : deltaLink;
  }
}
