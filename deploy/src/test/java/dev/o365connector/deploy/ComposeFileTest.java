package dev.o365connector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Topics;
import dev.o365connector.deploy.ComposeFile.ComposeService;
import dev.o365connector.deploy.ContainerEnvironment.Literal;
import dev.o365connector.deploy.ContainerEnvironment.SecretKey;
import dev.o365connector.deploy.ContainerEnvironment.Source;
import dev.o365connector.recipe.AppRegistration;
import dev.o365connector.recipe.Database;
import dev.o365connector.recipe.Service;
import dev.o365connector.recipe.ServiceProperties;
import dev.o365connector.recipe.ServiceRecipe;
import dev.o365connector.recipe.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-compose.yml gives each service what it requires, on the ports and with the URLs the Helm
 * chart uses, starts things in order of health, and creates every topic.
 */
class ComposeFileTest {

  private static final ComposeFile COMPOSE = ComposeFile.read();

  /** The services built from a module of this repository. */
  private static final List<String> BUILT =
      List.of(
          RepositoryFiles.AUTH_SERVICE,
          RepositoryFiles.GRAPH_GATEWAY,
          RepositoryFiles.SYNC_WORKER,
          RepositoryFiles.GRAPH_SIMULATOR);

  /** Addresses and credentials of the infrastructure, which differ between the two on purpose. */
  private static final Set<String> PER_ENVIRONMENT =
      Set.of("DB_HOST", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS");

  static List<String> services() {
    return ChartEnvironmentTest.SERVICES;
  }

  @ParameterizedTest
  @MethodSource("services")
  void everyRequiredVariableIsSetAndNoneIsUnknown(String service) {
    Map<String, String> environment = COMPOSE.service(service).environment();
    ServiceProperties expected = ServiceProperties.of(RepositoryFiles.module(service));

    for (String variable : expected.requiredVariables()) {
      assertThat(environment.get(variable)).as("%s of %s", variable, service).isNotBlank();
    }
    assertThat(environment.keySet())
        .allSatisfy(
            name ->
                assertThat(expected.knownVariables().contains(name) || name.startsWith("KAFKA_"))
                    .as("%s reads %s", service, name)
                    .isTrue());
  }

  /**
   * docker-compose.yml gives each service what the project's recipe gives it in compose's network:
   * with compose's own credentials (database logins, the simulator's secrets and demo app, the
   * keyset) as the inputs, every variable the recipe derives from where the parts are (URLs,
   * databases, platform clients, the deployment mode) has the recipe's value, and compose adds only
   * defaults it restates. The port is left out: compose keeps each service's default.
   */
  @ParameterizedTest
  @MethodSource("services")
  void eachServiceGetsWhatTheRecipeGivesItInComposesNetwork(String service) {
    Map<String, String> auth = COMPOSE.service(RepositoryFiles.AUTH_SERVICE).environment();
    Map<String, String> sync = COMPOSE.service(RepositoryFiles.SYNC_WORKER).environment();
    Topology topology = Topology.of("kafka:9092");
    for (Service each : Service.values()) {
      topology = topology.withAddress(each, each.id(), each.port());
    }
    topology =
        topology
            .withDatabase(Service.AUTH_SERVICE, composeDatabase(auth))
            .withDatabase(Service.SYNC_WORKER, composeDatabase(sync))
            .withPlatform(
                auth.get("O365_PLATFORM_ISSUER"),
                Map.of(
                    "graph-gateway",
                    COMPOSE
                        .service(RepositoryFiles.GRAPH_GATEWAY)
                        .environment()
                        .get("O365_PLATFORM_CLIENT_SECRET"),
                    "sync-worker",
                    sync.get("O365_PLATFORM_CLIENT_SECRET")))
            .withApp(
                new AppRegistration(
                    auth.get("O365_CLIENT_ID"),
                    auth.get("O365_CLIENT_SECRET"),
                    auth.get("O365_CALLBACK_URL")),
                true)
            .withTokenKeyset(auth.get("O365_TOKEN_KEYSET"))
            .withReturnUrlPrefixes(auth.get("O365_RETURN_URL_PREFIXES"));
    Map<String, String> recipe =
        new HashMap<>(ServiceRecipe.environment(Service.valueOf(enumName(service)), topology));
    recipe.remove("QUARKUS_HTTP_PORT");
    Map<String, String> compose = COMPOSE.service(service).environment();

    assertThat(compose).containsAllEntriesOf(recipe);
    assertThat(compose.keySet())
        .filteredOn(name -> !recipe.containsKey(name))
        .as("what compose sets beyond the recipe")
        .isSubsetOf("O365_PLATFORM_AUDIENCE", "O365_PLATFORM_SCOPE");
  }

  private static Database composeDatabase(Map<String, String> environment) {
    return new Database(
        environment.get("DB_HOST"),
        Integer.parseInt(environment.get("DB_PORT")),
        environment.get("DB_NAME"),
        environment.get("DB_USER"),
        environment.get("DB_PASSWORD"));
  }

  private static String enumName(String module) {
    return module.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Test
  void portsAreTheHelmChartsDefaults() {
    ChartValues helm = ChartValues.defaults();
    for (String service : services()) {
      int port = ServiceProperties.of(RepositoryFiles.module(service)).httpPort();
      assertThat(helm.servicePort(service)).isEqualTo(port);
      assertThat(COMPOSE.service(service).ports()).containsExactly(port + ":" + port);
    }
    assertThat(helm.servicePort(RepositoryFiles.GRAPH_SIMULATOR)).isEqualTo(8089);
    assertThat(COMPOSE.service(RepositoryFiles.GRAPH_SIMULATOR).ports())
        .containsExactly("8089:8089");
  }

  /**
   * Against the chart's simulator render (the same stand-in for Microsoft): every variable the
   * chart sets, with the same value once its service names ({@code
   * o365-o365-connector-auth-service}) become compose's ({@code auth-service}). So ports, paths,
   * issuer, client ids and the simulator's secrets agree.
   */
  @ParameterizedTest
  @MethodSource("services")
  void urlsAndSettingsAgreeWithTheHelmChart(String service) {
    RenderedChart chart = ChartRenders.simulator();
    ContainerEnvironment helm = ContainerEnvironment.of(chart, chart.deployment(service));
    Map<String, String> compose = COMPOSE.service(service).environment();

    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, Source> variable : helm.asMap().entrySet()) {
      String name = variable.getKey();
      if (PER_ENVIRONMENT.contains(name)) {
        continue;
      }
      String helmValue = null;
      if (variable.getValue() instanceof Literal literal) {
        helmValue = literal.value();
      } else if (variable.getValue() instanceof SecretKey key) {
        helmValue = chart.secretValue(key.secret(), key.key()).orElse(null);
      }
      if (helmValue == null) {
        continue; // an optional Secret key the chart leaves out
      }
      softly
          .assertThat(compose.get(name))
          .as("%s of %s", name, service)
          .isEqualTo(composeNames(helmValue));
    }
    softly.assertAll();
  }

  @Test
  void theSimulatorNamesItselfAsTheOtherContainersReachIt() {
    Map<String, String> environment =
        COMPOSE.service(RepositoryFiles.GRAPH_SIMULATOR).environment();

    assertThat(environment).containsEntry("SIMULATOR_HOST", RepositoryFiles.GRAPH_SIMULATOR);
    assertThat(
            COMPOSE.service(RepositoryFiles.AUTH_SERVICE).environment().get("O365_PLATFORM_ISSUER"))
        .startsWith("http://" + RepositoryFiles.GRAPH_SIMULATOR + ":8089/");
  }

  @Test
  void servicesAreBuiltFromTheirModulesAndNamedLikeTheChartsImages() {
    ChartValues helm = ChartValues.defaults();
    for (String module : BUILT) {
      ComposeService service = COMPOSE.service(module);
      String repository = helm.at(ChartValues.KEYS.get(module) + ".image.repository").asText();

      assertThat(service.build()).containsExactly(module, "src/main/docker/Dockerfile.jvm");
      assertThat(service.image())
          .isEqualTo(repository + ":" + System.getProperty("project.version"));
    }
  }

  @Test
  void everyLongRunningServiceIsHealthCheckedAndStartsAfterWhatItNeedsIsHealthy() {
    Set<String> oneShot = Set.of("kafka-init");
    SoftAssertions softly = new SoftAssertions();
    for (String name : COMPOSE.serviceNames()) {
      ComposeService service = COMPOSE.service(name);
      if (!oneShot.contains(name)) {
        softly.assertThat(service.healthcheck()).as("healthcheck of %s", name).isNotBlank();
        // Podman's Docker API (4.3) splits a CMD test's arguments on spaces
        // (containers/podman#26519): `bash -c "<script>"` would always pass. One string is kept.
        softly
            .assertThat(service.healthcheckTest())
            .as("healthcheck of %s is one CMD-SHELL string", name)
            .hasSize(2)
            .first()
            .isEqualTo("CMD-SHELL");
      }
      service
          .dependsOn()
          .forEach(
              (dependency, condition) ->
                  softly
                      .assertThat(condition)
                      .as("%s waits for %s", name, dependency)
                      .isEqualTo(
                          oneShot.contains(dependency)
                              ? "service_completed_successfully"
                              : "service_healthy"));
    }
    softly.assertAll();
    // Quarkus services answer ready only once their database and Kafka are; the gateway calls
    // auth-service and the worker the gateway.
    for (String service : services()) {
      assertThat(COMPOSE.service(service).healthcheck())
          .contains("/q/health/ready")
          .contains(
              String.valueOf(ServiceProperties.of(RepositoryFiles.module(service)).httpPort()));
      assertThat(COMPOSE.service(service).dependsOn()).containsKey("kafka-init");
    }
    assertThat(COMPOSE.service(RepositoryFiles.AUTH_SERVICE).dependsOn())
        .containsKeys("postgres", "graph-simulator");
    assertThat(COMPOSE.service(RepositoryFiles.GRAPH_GATEWAY).dependsOn())
        .containsKey("auth-service");
    assertThat(COMPOSE.service(RepositoryFiles.SYNC_WORKER).dependsOn())
        .containsKeys("postgres", "graph-gateway");
  }

  @Test
  void imagesAreTheProjectsUpstreamDefaultsEachReplaceableByAVariable() throws IOException {
    String javaBase =
        Files.readAllLines(
                RepositoryFiles.module(RepositoryFiles.AUTH_SERVICE)
                    .resolve("src/main/docker/Dockerfile.jvm"))
            .stream()
            .filter(line -> line.startsWith("ARG BASE_IMAGE="))
            .findFirst()
            .orElseThrow()
            .substring("ARG BASE_IMAGE=".length());

    // One decision each, in the parent pom (Kafka's version, PostgreSQL's major version) and the
    // Dockerfiles (the Java base); machines without a registry name local images instead.
    assertThat(COMPOSE.variables())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "O365_KAFKA_IMAGE", System.getProperty("kafka.image"),
                "O365_POSTGRES_IMAGE", System.getProperty("postgres.image"),
                "O365_JAVA_BASE_IMAGE", javaBase));
    assertThat(COMPOSE.service("kafka").image()).isEqualTo(System.getProperty("kafka.image"));
    assertThat(COMPOSE.service("postgres").image()).isEqualTo(System.getProperty("postgres.image"));
    for (String module : BUILT) {
      assertThat(COMPOSE.service(module).buildArgs()).containsEntry("BASE_IMAGE", javaBase);
    }
  }

  @Test
  void composeV1ReadsItTooAndItDeclaresItselfADevelopmentDeployment() {
    // Compose v1 (Debian's docker-compose 1.29) refuses a top-level `name:`.
    assertThat(COMPOSE.topLevelKeys()).containsExactly("services");
    for (String service : services()) {
      assertThat(COMPOSE.service(service).environment())
          .as(service)
          .containsEntry("O365_DEPLOYMENT_MODE", "development");
    }
  }

  @Test
  void kafkaInitCreatesEveryTopicWithTheChartsCleanupPolicy() {
    String script = COMPOSE.service("kafka-init").command();
    Map<String, String> created = new HashMap<>();
    Matcher create =
        Pattern.compile("--topic (\\S+)(?:.*?--config cleanup\\.policy=(\\w+))?").matcher(script);
    while (create.find()) {
      created.put(create.group(1), create.group(2));
    }
    Set<String> expected = new TreeSet<>(Topics.ALL);
    services()
        .forEach(
            service ->
                expected.addAll(ServiceProperties.of(RepositoryFiles.module(service)).topics()));
    ChartValues helm = ChartValues.defaults();

    assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    created.forEach(
        (topic, policy) ->
            assertThat(policy)
                .as(topic)
                .isEqualTo(
                    helm.at("kafkaTopics.topics")
                        .path(topic)
                        .path("config")
                        .path("cleanup.policy")
                        .asText()));
  }

  @Test
  void kafkaIsAPinnedSingleKraftNodeThatCreatesNoTopicsByItself() {
    ComposeService kafka = COMPOSE.service("kafka");
    Map<String, String> environment = kafka.environment();

    assertThat(kafka.image()).matches("apache/kafka:4\\.\\d+\\.\\d+");
    assertThat(COMPOSE.service("kafka-init").image()).isEqualTo(kafka.image());
    assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    assertThat(environment).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092");
    for (String service : services()) {
      assertThat(COMPOSE.service(service).environment())
          .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
    }
  }

  @Test
  void postgresGetsOneDatabaseAndRolePerServiceWithTheServicesPasswords() throws IOException {
    String script =
        Files.readString(RepositoryFiles.root().resolve("deploy/compose/postgres-init.sh"));
    Map<String, String> postgres = COMPOSE.service("postgres").environment();
    Map<String, String> passwordVariable =
        Map.of(
            RepositoryFiles.AUTH_SERVICE,
            "auth_password",
            RepositoryFiles.SYNC_WORKER,
            "sync_password");

    for (String service : List.of(RepositoryFiles.AUTH_SERVICE, RepositoryFiles.SYNC_WORKER)) {
      Map<String, String> environment = COMPOSE.service(service).environment();
      String database = environment.get("DB_NAME");
      String user = environment.get("DB_USER");
      String variable = passwordVariable.get(service);

      assertThat(environment).containsEntry("DB_HOST", "postgres");
      assertThat(script).contains("CREATE DATABASE " + database + " OWNER " + user + ";");
      assertThat(script).contains("CREATE ROLE " + user + " LOGIN PASSWORD :'" + variable + "';");
      Matcher passedIn = Pattern.compile("-v " + variable + "=\"\\$(\\w+)\"").matcher(script);
      assertThat(passedIn.find()).as("psql gets %s", variable).isTrue();
      assertThat(postgres.get(passedIn.group(1))).isEqualTo(environment.get("DB_PASSWORD"));
    }
    assertThat(COMPOSE.service("postgres").node().path("volumes").toString())
        .contains("./deploy/compose/postgres-init.sh:/docker-entrypoint-initdb.d/");
  }

  /** A value of the chart's render with its service names replaced by compose's. */
  private static String composeNames(String helmValue) {
    return helmValue.replace(RenderedChart.FULLNAME + "-", "");
  }
}
