package dev.o365connector.simulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.delta.DeltaGetResponse;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.AppRegistration;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.tls.SelfSignedTls;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's own clients, unmodified, against the simulator over HTTPS: MSAL4J acquires a
 * client-credentials token and the Graph Java SDK lists users and follows a delta round.
 */
class MicrosoftClientsTest {

  @TempDir static Path certificates;

  private static GraphSimulator sim;
  private static Tenant tenant;
  private static AppRegistration app;
  private static SelfSignedTls tls;

  @BeforeAll
  static void start() {
    sim = new GraphSimulator(SimulatorConfig.defaults().withHttps(certificates)).start();
    tls = sim.tls().orElseThrow();
    tenant = sim.context().directory().tenant("contoso.onmicrosoft.com").orElseThrow();
    app = sim.context().directory().apps().iterator().next();
    sim.context()
        .directory()
        .locked(
            () -> {
              tenant.grantAdminConsent(app);
              return null;
            });
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @Test
  void httpsModeExportsTheCertificateAndATruststore() throws Exception {
    assertThat(sim.baseUrl()).startsWith("https://localhost:");
    assertThat(Files.readString(certificates.resolve("simulator.crt.pem")))
        .contains("BEGIN CERTIFICATE");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(certificates.resolve("truststore.p12"))) {
      store.load(in, SelfSignedTls.TRUSTSTORE_PASSWORD.toCharArray());
    }
    assertThat(store.containsAlias("graph-simulator")).isTrue();
  }

  @Test
  void msalAcquiresAClientCredentialsTokenWithTheConsentedRoles() throws Exception {
    IAuthenticationResult result = msalToken();

    assertThat(result.accessToken()).isNotBlank();
    assertThat(result.expiresOnDate()).isInTheFuture();
  }

  @Test
  void graphSdkListsUsersAndFollowsADeltaRoundToItsDeltaLink() throws Exception {
    GraphServiceClient graph = graphClient(msalToken().accessToken());

    List<User> users = graph.users().get().getValue();
    assertThat(users)
        .extracting(User::getUserPrincipalName)
        .contains("adelev@contoso.onmicrosoft.com");

    List<User> seen = new ArrayList<>();
    DeltaGetResponse page =
        graph.users().delta().get(config -> config.headers.add("Prefer", "odata.maxpagesize=3"));
    seen.addAll(page.getValue());
    int pages = 1;
    while (page.getOdataNextLink() != null) {
      page = graph.users().delta().withUrl(page.getOdataNextLink()).get();
      seen.addAll(page.getValue());
      pages++;
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(page.getOdataDeltaLink())
        .startsWith(sim.graphBaseUrl() + "/users/delta?$deltatoken=");
    assertThat(seen).hasSize(users.size());

    DeltaGetResponse changes = graph.users().delta().withUrl(page.getOdataDeltaLink()).get();
    assertThat(changes.getValue()).isEmpty();
    assertThat(changes.getOdataDeltaLink()).isNotNull();
  }

  private static IAuthenticationResult msalToken() throws Exception {
    ConfidentialClientApplication msal =
        ConfidentialClientApplication.builder(
                app.clientId(), ClientCredentialFactory.createFromSecret(app.secrets().get(0)))
            .authority(sim.baseUrl() + "/" + tenant.id() + "/")
            // MSAL would ask login.microsoftonline.com which hosts are Entra's; we are offline.
            .instanceDiscovery(false)
            .validateAuthority(false)
            .sslSocketFactory(tls.clientSslContext().getSocketFactory())
            .build();
    return msal.acquireToken(
            ClientCredentialParameters.builder(Set.of("https://graph.microsoft.com/.default"))
                .build())
        .get();
  }

  private static GraphServiceClient graphClient(String accessToken) throws Exception {
    AccessTokenProvider tokens =
        new AccessTokenProvider() {
          @Override
          public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            return accessToken;
          }

          @Override
          public AllowedHostsValidator getAllowedHostsValidator() {
            return new AllowedHostsValidator("localhost");
          }
        };
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(tls.trustStore());
    X509TrustManager trustManager = (X509TrustManager) trust.getTrustManagers()[0];
    GraphServiceClient graph =
        new GraphServiceClient(
            new BaseBearerTokenAuthenticationProvider(tokens),
            GraphClientFactory.create()
                .sslSocketFactory(tls.clientSslContext().getSocketFactory(), trustManager)
                .build());
    graph.getRequestAdapter().setBaseUrl(sim.graphBaseUrl());
    return graph;
  }
}
