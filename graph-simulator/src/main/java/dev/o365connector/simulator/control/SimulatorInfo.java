package dev.o365connector.simulator.control;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.AppRegistration;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.InternalClient;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.tls.SelfSignedTls;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * What {@code GET /_sim/info} answers and {@code java -jar} prints: base URLs, tenants, app
 * registrations with their secrets, the platform tenant and its internal clients. Test data only.
 */
public final class SimulatorInfo {

  private SimulatorInfo() {}

  public static JsonObject describe(SimulatorContext context) {
    Directory directory = context.directory();
    return directory.locked(
        () -> {
          Tenant platform = directory.platformTenant().orElse(null);
          JsonArray tenants = new JsonArray();
          directory.tenants().stream()
              .filter(t -> t != platform)
              .forEach(t -> tenants.add(describe(t)));
          JsonArray apps = new JsonArray();
          directory.apps().forEach(app -> apps.add(describe(app)));
          return new JsonObject()
              .put("loginBaseUrl", context.baseUrl())
              .put("graphBaseUrl", context.graphBaseUrl())
              .put("tenants", tenants)
              .put("apps", apps)
              .put("platform", platform == null ? null : describePlatform(context, platform))
              .put(
                  "tls",
                  context
                      .tls()
                      .flatMap(SelfSignedTls::exportedTo)
                      .map(SimulatorInfo::describeTls)
                      .orElse(null));
        });
  }

  private static JsonObject describeTls(Path directory) {
    return new JsonObject()
        .put("certificatePem", directory.resolve("simulator.crt.pem").toString())
        .put("truststore", directory.resolve("truststore.p12").toString())
        .put("truststorePassword", SelfSignedTls.TRUSTSTORE_PASSWORD)
        .put("truststoreType", "PKCS12");
  }

  static JsonObject describe(Tenant tenant) {
    return new JsonObject()
        .put("id", tenant.id())
        .put("domain", tenant.domain())
        .put("displayName", tenant.displayName())
        .put("users", tenant.users().size());
  }

  static JsonObject describe(AppRegistration app) {
    return new JsonObject()
        .put("clientId", app.clientId())
        .put("displayName", app.displayName())
        .put("clientSecret", app.secrets().get(0))
        .put("redirectUris", new JsonArray(app.redirectUris()))
        .put(
            "applicationPermissions",
            new JsonArray(app.applicationPermissions().stream().sorted().toList()));
  }

  private static JsonObject describePlatform(SimulatorContext context, Tenant platform) {
    JsonArray clients = new JsonArray();
    for (InternalClient client : context.directory().internalClients()) {
      clients.add(
          new JsonObject()
              .put("clientId", client.clientId())
              .put("clientSecret", client.secret())
              .put("roles", new JsonArray(client.roles().stream().sorted().toList())));
    }
    return new JsonObject()
        .put("tenantId", platform.id())
        .put("issuer", context.baseUrl() + "/" + platform.id() + "/v2.0")
        .put("tokenUrl", context.baseUrl() + "/" + platform.id() + "/oauth2/v2.0/token")
        .put("clients", clients);
  }
}
