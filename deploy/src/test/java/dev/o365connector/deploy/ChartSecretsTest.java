package dev.o365connector.deploy;

import static dev.o365connector.deploy.RenderedChart.FULLNAME;
import static dev.o365connector.deploy.RenderedChart.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.deploy.ContainerEnvironment.SecretKey;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets: the chart's own by default; none of its own for what an existingSecret brings. */
class ChartSecretsTest {

  private static ContainerEnvironment environment(RenderedChart chart, String service) {
    return ContainerEnvironment.of(chart, chart.deployment(service));
  }

  @Test
  void withoutExistingSecretsTheChartRendersOneSecretPerConcern() {
    RenderedChart chart = ChartRenders.defaults();

    assertThat(chart.secretNames())
        .containsExactlyInAnyOrder(
            FULLNAME + "-entra",
            FULLNAME + "-token-keyset",
            nameOf("auth-service") + "-db",
            nameOf("sync-worker") + "-db",
            nameOf("graph-gateway") + "-platform-client",
            nameOf("sync-worker") + "-platform-client");
    assertThat(environment(chart, RepositoryFiles.AUTH_SERVICE).secretKey("O365_TOKEN_KEYSET"))
        .isEqualTo(new SecretKey(FULLNAME + "-token-keyset", "keyset", false));
    assertThat(environment(chart, RepositoryFiles.SYNC_WORKER).secretKey("DB_PASSWORD"))
        .isEqualTo(new SecretKey(nameOf("sync-worker") + "-db", "password", false));
    // The keyset outlives the release: without it no stored token can be read again.
    assertThat(chart.get(Secret.class, FULLNAME + "-token-keyset").getMetadata().getAnnotations())
        .containsEntry("helm.sh/resource-policy", "keep");
  }

  @Test
  void valuesEndUpInTheChartsSecretsNotInConfigMaps() {
    RenderedChart chart =
        RenderedChart.render(
            List.of(),
            Map.of(
                "entra.clientSecret", "entra-s3cret",
                "graphGateway.platformClient.clientSecret", "gw-s3cret",
                "authService.database.password", "db-s3cret"));

    assertThat(chart.secretValue(FULLNAME + "-entra", "client-secret")).contains("entra-s3cret");
    assertThat(chart.secretValue(nameOf("graph-gateway") + "-platform-client", "client-secret"))
        .contains("gw-s3cret");
    assertThat(chart.secretValue(nameOf("auth-service") + "-db", "password")).contains("db-s3cret");
    for (String service : ChartEnvironmentTest.SERVICES) {
      assertThat(chart.configMapData(nameOf(service)).orElseThrow().values())
          .noneMatch(value -> value.contains("s3cret"));
    }
  }

  @Test
  void productionValuesBringEverySecretSoTheChartRendersNone() {
    RenderedChart chart = ChartRenders.production();
    ContainerEnvironment auth = environment(chart, RepositoryFiles.AUTH_SERVICE);
    ContainerEnvironment gateway = environment(chart, RepositoryFiles.GRAPH_GATEWAY);
    ContainerEnvironment worker = environment(chart, RepositoryFiles.SYNC_WORKER);

    assertThat(chart.all(Secret.class)).isEmpty();
    assertThat(auth.secretKey("O365_CLIENT_SECRET"))
        .isEqualTo(new SecretKey("o365-entra-app", "AZURE_CLIENT_SECRET", false));
    assertThat(auth.secretKey("O365_CLIENT_SECRET_PREVIOUS"))
        .isEqualTo(new SecretKey("o365-entra-app", "AZURE_CLIENT_SECRET_PREVIOUS", true));
    assertThat(auth.secretKey("O365_TOKEN_KEYSET"))
        .isEqualTo(new SecretKey("o365-token-keyset", "keyset.json", false));
    assertThat(auth.secretKey("DB_USER"))
        .isEqualTo(new SecretKey("o365-db-auth", "username", false));
    assertThat(auth.secretKey("DB_PASSWORD"))
        .isEqualTo(new SecretKey("o365-db-auth", "password", false));
    assertThat(worker.secretKey("DB_PASSWORD"))
        .isEqualTo(new SecretKey("o365-db-sync", "password", false));
    assertThat(gateway.secretKey("O365_PLATFORM_CLIENT_SECRET"))
        .isEqualTo(new SecretKey("o365-platform-clients", "graph-gateway", false));
    assertThat(worker.secretKey("O365_PLATFORM_CLIENT_SECRET"))
        .isEqualTo(new SecretKey("o365-platform-clients", "sync-worker", false));
  }

  @Test
  void oneExistingSecretRemovesOnlyTheChartsSecretForIt() {
    RenderedChart chart =
        RenderedChart.render(
            List.of(),
            Map.of(
                "entra.existingSecret",
                "my-entra",
                "syncWorker.database.existingSecret",
                "cnpg-sync"));
    ContainerEnvironment auth = environment(chart, RepositoryFiles.AUTH_SERVICE);

    assertThat(chart.secretNames())
        .doesNotContain(FULLNAME + "-entra", nameOf("sync-worker") + "-db")
        .contains(FULLNAME + "-token-keyset", nameOf("auth-service") + "-db");
    assertThat(auth.secretKey("O365_CLIENT_SECRET"))
        .isEqualTo(new SecretKey("my-entra", "client-secret", false));
    assertThat(environment(chart, RepositoryFiles.SYNC_WORKER).secretKey("DB_USER"))
        .isEqualTo(new SecretKey("cnpg-sync", "username", false));
  }
}
