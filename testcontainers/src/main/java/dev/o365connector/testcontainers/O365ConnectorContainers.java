package dev.o365connector.testcontainers;

import static dev.o365connector.testcontainers.ConnectorService.AUTH_SERVICE;
import static dev.o365connector.testcontainers.ConnectorService.GRAPH_GATEWAY;
import static dev.o365connector.testcontainers.ConnectorService.GRAPH_SIMULATOR;
import static dev.o365connector.testcontainers.ConnectorService.SYNC_WORKER;

import dev.o365connector.contracts.Topics;
import dev.o365connector.recipe.TokenKeysets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The whole o365-connector in containers on one network: Kafka (KRaft), PostgreSQL with a database
 * per service, the graph-simulator (Microsoft 365 and the platform's OIDC provider), and
 * auth-service, graph-gateway and sync-worker from the project's images, wired by environment
 * variables, the topics created, each service ready ({@code /q/health/ready}).
 *
 * <pre>
 * try (O365ConnectorContainers connector = new O365ConnectorContainers()) {
 *   connector.start();
 *   String token = connector.platformToken();             // platform-dev: every internal role
 *   connector.authServiceUrl();                           // POST /installations
 *   connector.kafkaBootstrapServers();                    // o365.sync.requests, o365.changes.*
 * }
 * </pre>
 *
 * Needs a Docker engine and the images {@code o365-connector/<service>:<version>} (see the README
 * for building them); {@link #withImage} points a service at another image.
 */
public class O365ConnectorContainers implements Startable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  /** A thread per container start: they mostly wait, on the engine and on readiness. */
  private static final Executor STARTER =
      task -> {
        Thread thread = new Thread(task, "o365-connector-start");
        thread.setDaemon(true);
        thread.start();
      };

  private static final String INIT_SCRIPT = "/docker-entrypoint-initdb.d/10-o365-connector.sql";

  private final Map<ConnectorService, String> images = new EnumMap<>(ConnectorService.class);
  private final Map<ConnectorService, Map<String, String>> extraEnvironment =
      new EnumMap<>(ConnectorService.class);
  private final Map<ConnectorService, GenericContainer<?>> containers =
      new EnumMap<>(ConnectorService.class);
  private String kafkaImage = StackDefaults.kafkaImage();
  private String postgresImage = StackDefaults.postgresImage();
  private Network network;
  private KafkaContainer kafka;
  private PostgreSQLContainer postgres;
  private Map<ConnectorService, DatabaseLogin> databases;
  private SimulatorSetup simulator;
  private boolean started;

  /** The stack of the version this artifact was built with. */
  public O365ConnectorContainers() {
    this(StackDefaults.version());
  }

  /** The stack of the images tagged {@code version}. */
  public O365ConnectorContainers(String version) {
    for (ConnectorService service : ConnectorService.values()) {
      images.put(service, service.defaultImage(version));
    }
  }

  /** Runs {@code service} from {@code image} instead, e.g. one from your registry. */
  public O365ConnectorContainers withImage(ConnectorService service, String image) {
    requireNotStarted();
    images.put(service, image);
    return this;
  }

  /** The image {@code service} runs from. */
  public String image(ConnectorService service) {
    return images.get(service);
  }

  /** Sets or overrides one environment variable of {@code service}, e.g. a tuning knob. */
  public O365ConnectorContainers withEnv(ConnectorService service, String name, String value) {
    requireNotStarted();
    extraEnvironment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
    return this;
  }

  /**
   * Kafka's image: {@code apache/kafka} of the broker version the project pins, or {@code
   * O365_KAFKA_IMAGE}; another must start as that one does ({@code /etc/kafka/docker/run}).
   */
  public O365ConnectorContainers withKafkaImage(String image) {
    requireNotStarted();
    kafkaImage = image;
    return this;
  }

  /**
   * PostgreSQL's image: {@code postgres} of the project's major version, or {@code
   * O365_POSTGRES_IMAGE}; another must take {@code POSTGRES_*} variables and init scripts as that
   * one does.
   */
  public O365ConnectorContainers withPostgresImage(String image) {
    requireNotStarted();
    postgresImage = image;
    return this;
  }

  /**
   * Starts Kafka, PostgreSQL and the simulator together, creates the topics and auth-service's app
   * registration, then the three services together; returns once all are ready. A failure stops
   * whatever had started.
   */
  @Override
  public synchronized void start() {
    if (started) {
      return;
    }
    ContainerEngine engine = ContainerEngine.found();
    engine.requireAvailable();
    try {
      startInfrastructure();
      createTopics();
      simulator = new SimulatorControl(simulatorUrl()).setUp(ServiceEnvironment.CALLBACK_URL);
      startServices();
      started = true;
    } catch (RuntimeException e) {
      stop();
      throw engine
          .missing(images())
          .<RuntimeException>map(m -> new IllegalStateException(m, e))
          .orElse(e);
    }
  }

  /** The images a start needs, by whom: the connector's, Kafka's and PostgreSQL's. */
  public Map<String, String> images() {
    Map<String, String> all = new LinkedHashMap<>();
    images.forEach((service, image) -> all.put(service.alias(), image));
    all.put(StackNetwork.KAFKA_ALIAS, kafkaImage);
    all.put(StackNetwork.POSTGRES_ALIAS, postgresImage);
    return all;
  }

  private void startInfrastructure() {
    network = Network.newNetwork();
    databases = Databases.fresh(new SecureRandom());
    kafka =
        new KafkaContainer(
                DockerImageName.parse(kafkaImage).asCompatibleSubstituteFor("apache/kafka"))
            .withNetwork(network)
            .withListener(StackNetwork.KAFKA_BOOTSTRAP);
    postgres =
        new PostgreSQLContainer(
                DockerImageName.parse(postgresImage).asCompatibleSubstituteFor("postgres"))
            .withNetwork(network)
            .withNetworkAliases(StackNetwork.POSTGRES_ALIAS)
            .withCopyToContainer(
                Transferable.of(Databases.initScript(databases.values())), INIT_SCRIPT);
    GenericContainer<?> simulatorContainer =
        newContainer(GRAPH_SIMULATOR)
            .withCommand(ServiceEnvironment.simulatorArguments().toArray(String[]::new));
    simulatorContainer.withEnv(extraEnvironment.getOrDefault(GRAPH_SIMULATOR, Map.of()));
    startTogether(List.of(kafka, postgres, simulatorContainer));
  }

  private void startServices() {
    Map<ConnectorService, Map<String, String>> environments = new EnumMap<>(ConnectorService.class);
    environments.put(
        AUTH_SERVICE,
        ServiceEnvironment.authService(
            simulator, databases.get(AUTH_SERVICE), TokenKeysets.fresh()));
    environments.put(GRAPH_GATEWAY, ServiceEnvironment.graphGateway(simulator));
    environments.put(
        SYNC_WORKER, ServiceEnvironment.syncWorker(simulator, databases.get(SYNC_WORKER)));
    List<GenericContainer<?>> services = new ArrayList<>();
    environments.forEach(
        (service, environment) -> {
          GenericContainer<?> container = newContainer(service).withEnv(environment);
          container.withEnv(extraEnvironment.getOrDefault(service, Map.of()));
          services.add(container);
        });
    startTogether(services);
  }

  private GenericContainer<?> newContainer(ConnectorService service) {
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(images.get(service)))
            .withNetwork(network)
            .withNetworkAliases(service.alias())
            .withExposedPorts(service.port())
            .waitingFor(
                Wait.forHttp(service.readyPath())
                    .forPort(service.port())
                    .forStatusCode(200)
                    .withStartupTimeout(STARTUP_TIMEOUT));
    containers.put(service, container);
    return container;
  }

  private void createTopics() {
    List<NewTopic> topics =
        Topics.ALL.stream().map(name -> new NewTopic(name, 1, (short) 1)).toList();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
      admin.createTopics(topics).all().get(1, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create the topics " + Topics.ALL, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the topics", e);
    }
  }

  /**
   * Starts them in parallel and returns once every start has ended, so that after a failure {@link
   * #stop()} finds each container created or not. (Testcontainers' {@code Startables.deepStart}
   * fails fast: a container still starting then would be created after the stop, and left behind
   * where Ryuk is off.) The first failure is thrown.
   */
  private static void startTogether(List<? extends Startable> startables) {
    List<CompletableFuture<Void>> starts =
        startables.stream()
            .map(startable -> CompletableFuture.runAsync(startable::start, STARTER))
            .toList();
    RuntimeException failure = null;
    for (CompletableFuture<Void> start : starts) {
      try {
        start.join();
      } catch (CompletionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException cause ? cause : e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Stops every container, services first, and removes the network. */
  @Override
  public synchronized void stop() {
    List<ConnectorService> order =
        List.of(SYNC_WORKER, GRAPH_GATEWAY, AUTH_SERVICE, GRAPH_SIMULATOR);
    for (ConnectorService service : order) {
      GenericContainer<?> container = containers.remove(service);
      if (container != null) {
        container.stop();
      }
    }
    if (kafka != null) {
      kafka.stop();
      kafka = null;
    }
    if (postgres != null) {
      postgres.stop();
      postgres = null;
    }
    if (network != null) {
      network.close();
      network = null;
    }
    databases = null;
    simulator = null;
    started = false;
  }

  /** auth-service from the host: installations, the OAuth callback. */
  public String authServiceUrl() {
    return url(AUTH_SERVICE);
  }

  /** graph-gateway from the host: {@code /graph/{installationId}/v1.0/...}. */
  public String graphGatewayUrl() {
    return url(GRAPH_GATEWAY);
  }

  /** sync-worker from the host: {@code /syncs/{requestId}}, sync state. */
  public String syncWorkerUrl() {
    return url(SYNC_WORKER);
  }

  /** The graph-simulator from the host: its control API {@code /_sim}, identity and Graph. */
  public String simulatorUrl() {
    return url(GRAPH_SIMULATOR);
  }

  /** Any of the stack's services from the host, e.g. {@code http://localhost:32771}. */
  public String url(ConnectorService service) {
    GenericContainer<?> container = containers.get(service);
    if (container == null || !container.isRunning()) {
      throw new IllegalStateException(service.alias() + " is not running: call start() first");
    }
    return "http://" + container.getHost() + ":" + container.getMappedPort(service.port());
  }

  /** Kafka for the host: send sync requests, read change events and statuses. */
  public String kafkaBootstrapServers() {
    requireStarted();
    return kafka.getBootstrapServers();
  }

  /** The {@code iss} of platform tokens (a URL of the simulator inside the network). */
  public String platformIssuer() {
    requireStarted();
    return simulator.platformIssuer();
  }

  /** The platform tenant's token endpoint, from the host. */
  public String platformTokenUrl() {
    requireStarted();
    return hostUrl(simulator.platformTokenUrl());
  }

  /**
   * The developer client {@code platform-dev}: roles {@code installations.write}, {@code
   * installations.read}, {@code tokens.issue}, {@code graph.read}.
   */
  public ClientCredentials devClient() {
    return platformClient(ServiceEnvironment.DEV_CLIENT);
  }

  /** Any client of the platform tenant, e.g. {@code sync-worker} to call as the worker does. */
  public ClientCredentials platformClient(String clientId) {
    requireStarted();
    return new ClientCredentials(
        clientId,
        simulator.platformSecret(clientId),
        platformTokenUrl(),
        ClientCredentials.CONNECTOR_SCOPE);
  }

  /** A fresh access token of {@link #devClient()}, for {@code Authorization: Bearer}. */
  public String platformToken() {
    return new SimulatorControl(simulatorUrl()).token(devClient());
  }

  /** The simulator's seeded customer tenant ({@code contoso}), e.g. for an APPLICATION install. */
  public String demoTenantId() {
    requireStarted();
    return simulator.demoTenantId();
  }

  /**
   * The host's URL for one that is valid inside the network: a consent URL auth-service hands out
   * ({@code http://graph-simulator:8089/...}) or the callback the simulator redirects to ({@code
   * http://auth-service:8081/connector/callback?...}).
   */
  public String hostUrl(String internalUrl) {
    Map<String, String> authorities = new LinkedHashMap<>();
    containers.forEach(
        (service, container) -> {
          if (container.isRunning()) {
            authorities.put(
                service.alias() + ":" + service.port(),
                container.getHost() + ":" + container.getMappedPort(service.port()));
          }
        });
    return new HostUrls(authorities).toHost(internalUrl);
  }

  /** The container of {@code service}, e.g. for its logs; null before {@link #start()}. */
  public GenericContainer<?> container(ConnectorService service) {
    return containers.get(service);
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("the stack is not running: call start() first");
    }
  }

  private void requireNotStarted() {
    if (started) {
      throw new IllegalStateException("configure the stack before start()");
    }
  }
}
