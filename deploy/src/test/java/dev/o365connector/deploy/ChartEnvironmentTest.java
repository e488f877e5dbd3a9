package dev.o365connector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.deploy.ChartRenders.Render;
import dev.o365connector.deploy.ContainerEnvironment.Literal;
import dev.o365connector.deploy.ContainerEnvironment.SecretKey;
import dev.o365connector.deploy.ContainerEnvironment.Source;
import dev.o365connector.recipe.ServiceProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart gives each service every variable its application.properties requires in production,
 * from sources that exist, and nothing the service would ignore.
 */
class ChartEnvironmentTest {

  static final List<String> SERVICES =
      List.of(
          RepositoryFiles.AUTH_SERVICE, RepositoryFiles.GRAPH_GATEWAY, RepositoryFiles.SYNC_WORKER);

  static List<Arguments> rendersAndServices() {
    List<Arguments> arguments = new ArrayList<>();
    for (Render render : ChartRenders.all()) {
      for (String service : SERVICES) {
        arguments.add(Arguments.of(render, service));
      }
    }
    return arguments;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rendersAndServices")
  void everyRequiredVariableIsSetFromASourceThatExists(Render render, String service) {
    ServiceProperties required = ServiceProperties.of(RepositoryFiles.module(service));
    ContainerEnvironment environment =
        ContainerEnvironment.of(render.chart(), render.chart().deployment(service));
    Set<String> existingSecrets = render.values().existingSecrets();

    assertThat(required.requiredVariables()).isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (String variable : required.requiredVariables()) {
      Source source = environment.source(variable).orElse(null);
      softly.assertThat(source).as("%s is set", variable).isNotNull();
      if (source instanceof SecretKey key) {
        boolean rendered = render.chart().secretNames().contains(key.secret());
        softly
            .assertThat(rendered || existingSecrets.contains(key.secret()))
            .as("%s comes from Secret %s, rendered or brought by an existingSecret", variable, key)
            .isTrue();
        if (rendered) {
          softly
              .assertThat(render.chart().secretValue(key.secret(), key.key()))
              .as("%s: Secret %s has key %s", variable, key.secret(), key.key())
              .isPresent();
        }
      } else {
        softly.assertThat(source).as(variable).isInstanceOf(Literal.class);
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rendersAndServices")
  void theChartSetsNoVariableTheServiceWouldIgnore(Render render, String service) {
    Set<String> known = ServiceProperties.of(RepositoryFiles.module(service)).knownVariables();
    ContainerEnvironment environment =
        ContainerEnvironment.of(render.chart(), render.chart().deployment(service));

    assertThat(environment.names())
        .filteredOn(name -> !render.values().at(ChartValues.KEYS.get(service) + ".env").has(name))
        .allSatisfy(
            name ->
                assertThat(
                        known.contains(name)
                            // Quarkus hands KAFKA_* to the Kafka clients as kafka.* properties.
                            || name.startsWith("KAFKA_")
                            // Pieces of KAFKA_SASL_JAAS_CONFIG, expanded by Kubernetes.
                            || name.startsWith("O365_KAFKA_SASL_"))
                    .as("%s reads %s", service, name)
                    .isTrue());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rendersAndServices")
  void theChartDeploysProductionNeverADevelopmentDeployment(Render render, String service) {
    ContainerEnvironment environment =
        ContainerEnvironment.of(render.chart(), render.chart().deployment(service));

    // Unset means production (service-runtime's DeploymentConfig); development is for devstack,
    // docker-compose and Testcontainers, which run with committed development credentials.
    assertThat(environment.names()).doesNotContain("O365_DEPLOYMENT_MODE");
  }

  @Test
  void productionValuesLeaveNoRequiredLiteralEmpty() {
    for (RenderedChart chart : List.of(ChartRenders.production(), ChartRenders.simulator())) {
      for (String service : SERVICES) {
        ContainerEnvironment environment =
            ContainerEnvironment.of(chart, chart.deployment(service));
        for (String variable :
            ServiceProperties.of(RepositoryFiles.module(service)).requiredVariables()) {
          if (environment.source(variable).orElseThrow() instanceof Literal literal) {
            assertThat(literal.value()).as("%s of %s", variable, service).isNotBlank();
          }
        }
      }
    }
  }

  @Test
  void kafkaSaslCredentialsComeFromTheSecretAndTheCaIsTrusted() {
    RenderedChart chart = ChartRenders.production();
    for (String service : SERVICES) {
      ContainerEnvironment environment = ContainerEnvironment.of(chart, chart.deployment(service));

      assertThat(environment.value("KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
      assertThat(environment.value("KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
      assertThat(environment.secretKey("O365_KAFKA_SASL_PASSWORD"))
          .isEqualTo(new SecretKey("o365-connector-kafka-user", "password", false));
      assertThat(environment.value("KAFKA_SASL_JAAS_CONFIG"))
          .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
          .contains("password=\"$(O365_KAFKA_SASL_PASSWORD)\"")
          .doesNotContain("KAFKA_SASL_JAAS_CONFIG");
      assertThat(environment.value("KAFKA_SSL_TRUSTSTORE_TYPE")).isEqualTo("PEM");
      String truststore = environment.value("KAFKA_SSL_TRUSTSTORE_LOCATION");
      var pod = chart.deployment(service).getSpec().getTemplate().getSpec();
      String mountPath =
          pod.getContainers().get(0).getVolumeMounts().stream()
              .filter(mount -> mount.getName().equals("kafka-ca"))
              .findFirst()
              .orElseThrow()
              .getMountPath();
      assertThat(truststore).isEqualTo(mountPath + "/ca.crt");
      assertThat(pod.getVolumes())
          .anyMatch(
              volume ->
                  volume.getSecret() != null
                      && volume.getSecret().getSecretName().equals("o365-kafka-cluster-ca-cert"));
    }
  }

  @Test
  void defaultsTalkPlaintextToTheStrimziAndCloudNativePgDefaults() {
    RenderedChart chart = ChartRenders.defaults();
    ContainerEnvironment worker =
        ContainerEnvironment.of(chart, chart.deployment(RepositoryFiles.SYNC_WORKER));

    assertThat(worker.value("KAFKA_BOOTSTRAP_SERVERS"))
        .isEqualTo("o365-kafka-kafka-bootstrap:9092");
    assertThat(worker.names())
        .noneMatch(name -> name.startsWith("KAFKA_SASL") || name.startsWith("KAFKA_SSL"));
    assertThat(worker.value("DB_HOST")).isEqualTo("o365-db-rw");
    assertThat(worker.value("DB_NAME")).isEqualTo("o365_sync");
    assertThat(
            ContainerEnvironment.of(chart, chart.deployment(RepositoryFiles.AUTH_SERVICE))
                .value("DB_NAME"))
        .isEqualTo("o365_auth");
  }
}
