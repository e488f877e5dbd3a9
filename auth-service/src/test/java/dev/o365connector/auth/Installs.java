package dev.o365connector.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Installing through the real flow, as a customer's browser would; callers hold a write token. */
public final class Installs {

  private Installs() {}

  /** Creates an installation; the response body as a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> create(String json) {
    return given()
        .contentType("application/json")
        .body(json)
        .post("/installations")
        .then()
        .statusCode(201)
        .extract()
        .as(Map.class);
  }

  /** Creates and completes an installation; its id. */
  public static String installed(String json) {
    Map<String, Object> created = create(json);
    callback(followConsent((String) created.get("consentUrl"))).then().statusCode(200);
    return (String) created.get("id");
  }

  /** Follows the consent URL; the simulator answers with a redirect to the callback. */
  public static Map<String, String> followConsent(String consentUrl) {
    String location =
        given()
            .redirects()
            .follow(false)
            .urlEncodingEnabled(false)
            .get(consentUrl)
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    assertThat(location).startsWith("http://localhost:8081/connector/callback?");
    return query(location);
  }

  /** Delivers Entra's redirect to auth-service's real callback endpoint. */
  public static Response callback(Map<String, String> params) {
    return given().queryParams(params).redirects().follow(false).get("/connector/callback");
  }

  public static Map<String, String> query(String url) {
    Map<String, String> params = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }
}
