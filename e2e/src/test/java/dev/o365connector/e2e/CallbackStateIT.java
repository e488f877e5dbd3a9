package dev.o365connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.stack.services.InstallFlow;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What reaches the public callback besides an honest browser: a forged state, a replayed one, an
 * expired one (the e2e build sets {@code O365_AUTH_CONSENT_STATE_TTL} to 15 s) and an admin consent
 * that comes back for another tenant. None changes an installation.
 */
class CallbackStateIT {

  private final Platform platform = new Platform(WholeSystem.shared());
  private final InstallFlow installs = platform.installs();

  @Test
  void aForgedStateChangesNothing() {
    JsonObject created = installs.create(delegated());
    Map<String, String> callback = query(installs.consent(created.getString("consentUrl")));
    String state = callback.get("state");
    callback.put("state", state.substring(0, state.length() - 4) + "AAAA");
    assertRejectedAndUnchanged("a tampered state", created.getString("id"), callback);
    callback.put("state", "made-up");
    assertRejectedAndUnchanged("a made-up state", created.getString("id"), callback);
  }

  @Test
  void aReplayedCallbackChangesNothing() {
    JsonObject created = installs.create(delegated());
    Map<String, String> callback = query(installs.consent(created.getString("consentUrl")));
    assertThat(installs.deliver(encode(callback)).statusCode()).isEqualTo(200);
    assertThat(installs.installation(created.getString("id")).getString("status"))
        .isEqualTo("ACTIVE");
    assertRejectedAndUnchanged("a replayed state", created.getString("id"), callback);
  }

  @Test
  void anExpiredStateChangesNothing() throws InterruptedException {
    JsonObject created = installs.create(delegated());
    Map<String, String> callback = query(installs.consent(created.getString("consentUrl")));
    Thread.sleep(16_000);
    assertRejectedAndUnchanged("an expired state", created.getString("id"), callback);
  }

  @Test
  void anAdminConsentForAnotherTenantChangesNothing() {
    JsonObject created =
        installs.create(
            new JsonObject()
                .put("accountId", "e2e")
                .put("type", "APPLICATION")
                .put("tenantId", platform.tenant().id()));
    Map<String, String> callback = query(installs.consent(created.getString("consentUrl")));
    assertThat(callback).containsKey("tenant");
    callback.put("tenant", "11111111-2222-3333-4444-555555555555");
    assertRejectedAndUnchanged("another tenant", created.getString("id"), callback);
    // The honest callback still completes: the tampered one consumed nothing.
    callback.put("tenant", platform.tenant().id());
    assertThat(installs.deliver(encode(callback)).statusCode()).isEqualTo(200);
    assertThat(installs.installation(created.getString("id")).getString("status"))
        .isEqualTo("ACTIVE");
  }

  private void assertRejectedAndUnchanged(
      String what, String installationId, Map<String, String> callback) {
    JsonObject before = installs.installation(installationId);
    int status = installs.deliver(encode(callback)).statusCode();
    JsonObject after = installs.installation(installationId);
    assertThat(status).isEqualTo(400);
    assertThat(after).isEqualTo(before);
    System.out.printf(
        "[measured] callback with %s: %d, installation %s unchanged (%s)%n",
        what, status, installationId, after.getString("status"));
  }

  private static JsonObject delegated() {
    return new JsonObject().put("accountId", "e2e").put("type", "DELEGATED");
  }

  private static Map<String, String> query(URI callback) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : callback.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return query;
  }

  private static String encode(Map<String, String> query) {
    StringBuilder raw = new StringBuilder();
    query.forEach(
        (key, value) ->
            raw.append(raw.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return raw.toString();
  }
}
