package dev.o365connector.simulator.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Runs whole delta rounds over HTTP the way a sync client does: nextLinks until a deltaLink. */
public final class DeltaClient {

  /** One complete round: every item of every page, and the link to start the next round from. */
  public record Round(List<Map<String, Object>> items, String deltaLink, int pages) {

    /** Applies the round to a replica (id → item); removals delete. */
    public void applyTo(Map<String, Map<String, Object>> replica) {
      for (Map<String, Object> item : items) {
        String id = String.valueOf(item.get("id"));
        if (item.containsKey("@removed") || item.containsKey("deleted")) {
          replica.remove(id);
        } else {
          replica.put(id, item);
        }
      }
    }

    public Map<String, Map<String, Object>> asReplica() {
      Map<String, Map<String, Object>> replica = new HashMap<>();
      applyTo(replica);
      return replica;
    }
  }

  private DeltaClient() {}

  /** Follows {@code start} to its deltaLink with the bearer token and extra request settings. */
  public static Round round(
      String token, String start, UnaryOperator<RequestSpecification> headers) {
    List<Map<String, Object>> items = new ArrayList<>();
    String url = start;
    int pages = 0;
    while (true) {
      JsonPath page =
          headers
              .apply(given().auth().oauth2(token).urlEncodingEnabled(false))
              .get(url)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      pages++;
      items.addAll(page.getList("value"));
      String deltaLink = page.getString("'@odata.deltaLink'");
      if (deltaLink != null) {
        return new Round(items, deltaLink, pages);
      }
      url = page.getString("'@odata.nextLink'");
    }
  }
}
