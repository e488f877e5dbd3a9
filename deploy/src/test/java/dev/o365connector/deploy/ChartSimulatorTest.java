package dev.o365connector.deploy;

import static dev.o365connector.deploy.RenderedChart.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * simulator.enabled swaps Microsoft for the graph-simulator, and nothing of it exists otherwise.
 */
class ChartSimulatorTest {

  private static final String PLATFORM_TENANT = "3705f9da-f45c-4c26-9d95-af82d673cf11";

  private static ContainerEnvironment environment(RenderedChart chart, String service) {
    return ContainerEnvironment.of(chart, chart.deployment(service));
  }

  @Test
  void disabledByDefaultLeavingNoTraceAndMicrosoftInCharge() {
    RenderedChart chart = ChartRenders.defaults();
    ContainerEnvironment auth = environment(chart, RepositoryFiles.AUTH_SERVICE);
    ContainerEnvironment gateway = environment(chart, RepositoryFiles.GRAPH_GATEWAY);

    assertThat(chart.ofComponent(RepositoryFiles.GRAPH_SIMULATOR)).isEmpty();
    assertThat(chart.all())
        .noneMatch(resource -> resource.getMetadata().getName().contains("simulator"));
    assertThat(auth.value("O365_LOGIN_BASE_URL")).isEqualTo("https://login.microsoftonline.com");
    assertThat(auth.value("O365_GRAPH_BASE_URL")).isEqualTo("https://graph.microsoft.com/v1.0");
    assertThat(gateway.value("O365_GRAPH_BASE_URL")).isEqualTo("https://graph.microsoft.com/v1.0");
    for (String service : ChartEnvironmentTest.SERVICES) {
      assertThat(environment(chart, service).asMap().values())
          .noneMatch(source -> source.toString().contains("simulator"));
    }
  }

  @Test
  void enabledItRunsAndEveryServicePointsAtItsService() {
    RenderedChart chart = ChartRenders.simulator();
    Service service = chart.service(RepositoryFiles.GRAPH_SIMULATOR);
    String simulator =
        "http://"
            + service.getMetadata().getName()
            + ":"
            + service.getSpec().getPorts().get(0).getPort();
    ContainerEnvironment auth = environment(chart, RepositoryFiles.AUTH_SERVICE);

    assertThat(service.getMetadata().getName()).isEqualTo(nameOf("graph-simulator"));
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8089);
    assertThat(chart.deployment(RepositoryFiles.GRAPH_SIMULATOR).getSpec().getReplicas()).isOne();
    // The simulator hands out URLs (issuer, token endpoint) with the name the services use.
    assertThat(environment(chart, RepositoryFiles.GRAPH_SIMULATOR).value("SIMULATOR_HOST"))
        .isEqualTo(service.getMetadata().getName());
    assertThat(auth.value("O365_LOGIN_BASE_URL")).isEqualTo(simulator);
    assertThat(auth.value("O365_GRAPH_BASE_URL")).isEqualTo(simulator + "/v1.0");
    assertThat(environment(chart, RepositoryFiles.GRAPH_GATEWAY).value("O365_GRAPH_BASE_URL"))
        .isEqualTo(simulator + "/v1.0");
    for (String name : ChartEnvironmentTest.SERVICES) {
      assertThat(environment(chart, name).value("O365_PLATFORM_ISSUER"))
          .as(name)
          .isEqualTo(simulator + "/" + PLATFORM_TENANT + "/v2.0");
    }
  }

  @Test
  void enabledTheServicesUseTheSimulatorsDemoCredentials() {
    RenderedChart chart = ChartRenders.simulator();
    ContainerEnvironment auth = environment(chart, RepositoryFiles.AUTH_SERVICE);
    ContainerEnvironment.SecretKey clientSecret = auth.secretKey("O365_CLIENT_SECRET");

    assertThat(auth.value("O365_CLIENT_ID")).isEqualTo("56606b9b-eae8-48c0-b6b5-ab61a34b6d3a");
    assertThat(chart.secretValue(clientSecret.secret(), clientSecret.key()))
        .contains("XFB8rMiLIP4Xe_o7Mvmuruds7Z4HI0v-gJ6w188.");
    // The only redirect URI the demo app has registered.
    assertThat(auth.value("O365_CALLBACK_URL"))
        .isEqualTo("http://localhost:8081/connector/callback");
    for (String service : List.of(RepositoryFiles.GRAPH_GATEWAY, RepositoryFiles.SYNC_WORKER)) {
      ContainerEnvironment environment = environment(chart, service);
      ContainerEnvironment.SecretKey secret = environment.secretKey("O365_PLATFORM_CLIENT_SECRET");
      assertThat(environment.value("O365_PLATFORM_CLIENT_ID")).isEqualTo(service);
      assertThat(chart.secretValue(secret.secret(), secret.key())).get().asString().isNotBlank();
    }
  }
}
