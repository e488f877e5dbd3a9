package dev.o365connector.auth.microsoft;

import dev.o365connector.auth.microsoft.EntraApp.SecretSlot;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * quarkus-oidc-client clients for Entra's token endpoint, which has the tenant in its path: one per
 * tenant, grant and secret, made on first use; beyond {@link EntraPolicy#maxClients()} the least
 * recently used close.
 */
final class EntraOidcClients implements AutoCloseable {

  /**
   * The ids of these clients start with it, so that {@link EntraErrorFilter} knows their answers.
   */
  static final String ID_PREFIX = "entra:";

  static final String GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

  private static final Logger LOG = Logger.getLogger(EntraOidcClients.class);

  private record Key(String tenant, EntraGrant grant, SecretSlot slot) {}

  private final OidcClients factory;
  private final EntraApp app;
  private final EntraPolicy policy;
  // Access order: the first entry is the least recently used.
  private final Map<Key, OidcClient> clients = new LinkedHashMap<>(16, 0.75f, true);

  EntraOidcClients(OidcClients factory, EntraApp app, EntraPolicy policy) {
    this.factory = factory;
    this.app = app;
    this.policy = policy;
  }

  /** The client asking {@code tenant}'s token endpoint for {@code grant} with {@code slot}. */
  Uni<OidcClient> client(String tenant, EntraGrant grant, SecretSlot slot) {
    Key key = new Key(tenant, grant, slot);
    OidcClient cached = cached(key);
    if (cached != null) {
      return Uni.createFrom().item(cached);
    }
    return factory.newClient(config(key)).map(created -> keep(key, created));
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(EntraOidcClients::closeQuietly);
    clients.clear();
  }

  private synchronized OidcClient cached(Key key) {
    return clients.get(key);
  }

  private OidcClient keep(Key key, OidcClient created) {
    List<OidcClient> retired = new ArrayList<>();
    OidcClient kept;
    synchronized (this) {
      kept = clients.get(key);
      if (kept != null) {
        retired.add(created);
      } else {
        kept = created;
        clients.put(key, created);
        Iterator<OidcClient> leastRecentlyUsed = clients.values().iterator();
        while (clients.size() > policy.maxClients()) {
          retired.add(leastRecentlyUsed.next());
          leastRecentlyUsed.remove();
        }
      }
    }
    retired.forEach(this::closeLater);
    return kept;
  }

  // A retired client may still have a request in flight, which gives up after the timeout.
  private void closeLater(OidcClient client) {
    Uni.createFrom()
        .voidItem()
        .onItem()
        .delayIt()
        .by(policy.timeout())
        .subscribe()
        .with(ignored -> closeQuietly(client));
  }

  private static void closeQuietly(OidcClient client) {
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Closing an Entra token client failed", e);
    }
  }

  private OidcClientConfig config(Key key) {
    OidcClientConfigBuilder builder =
        OidcClientConfig.builder()
            .id(ID_PREFIX + key.grant().grantType() + ":" + key.slot() + ":" + key.tenant())
            .discoveryEnabled(false)
            .tokenPath(app.loginBaseUrl() + "/" + key.tenant() + "/oauth2/v2.0/token")
            .clientId(app.clientId())
            .credentials()
            .clientSecret(app.secret(key.slot()), Method.POST)
            .end()
            .grant(key.grant().oidcType())
            .connectionTimeout(policy.timeout())
            // The fewest the client allows (it rejects 0): EntraClient retries, with back-off.
            .connectionRetryCount(1);
    if (key.grant() == EntraGrant.CLIENT_CREDENTIALS) {
      builder.scopes(GRAPH_DEFAULT_SCOPE);
    }
    return builder.build();
  }
}
