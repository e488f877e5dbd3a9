package dev.o365connector.stack.process;

import dev.o365connector.recipe.Service;
import dev.o365connector.recipe.ServiceRecipe;
import dev.o365connector.recipe.Topology;
import dev.o365connector.stack.infrastructure.Infrastructure;
import dev.o365connector.stack.kafka.KafkaServers;
import dev.o365connector.stack.kafka.StandaloneKafka;
import dev.o365connector.stack.postgres.PostgresServer;
import dev.o365connector.stack.postgres.PostgresServers;
import dev.o365connector.stack.postgres.StandalonePostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole system on one machine, each part a process of its own: Kafka (a KRaft broker),
 * PostgreSQL (embedded, or the one {@code POSTGRES_HOST} names), the graph-simulator with its demo
 * tenant, auth-service, graph-gateway and sync-worker from their packaged jars. {@link #up} starts
 * what is not running and waits until every part is ready; {@link #down} stops what it started.
 * Used by {@code ./devstack} and by the end-to-end tests, which also stop, kill and restart parts.
 */
public final class Stack {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  /**
   * Each part's heap limit unless {@link #withJavaOptions} says otherwise. The PostgreSQL part is
   * zonky's, which holds its 15 MB binaries archive in memory at start.
   */
  static final String DEFAULT_HEAP = "-Xmx512m";

  private static final String POSTGRES_HEAP = "-Xmx192m";

  private final Path repository;
  private final StackHome home;
  private final StackProcesses processes;
  private final Map<StackPart, Integer> ports;
  private final Map<StackPart, List<String>> javaOptions;
  private final StackReadiness readiness;
  private final Path temporaryDirectory;
  private final Optional<String> externalKafka = Infrastructure.setting("KAFKA_BOOTSTRAP_SERVERS");
  private final Optional<String> externalPostgres = Infrastructure.setting("POSTGRES_HOST");

  /**
   * A stack of the repository at {@code repository}, its state in {@code home}, its parts on this
   * JVM's {@code java.io.tmpdir}.
   */
  public Stack(Path repository, StackHome home, Map<StackPart, Integer> ports) {
    this(repository, home, ports, Map.of(), Path.of(System.getProperty("java.io.tmpdir")));
  }

  private Stack(
      Path repository,
      StackHome home,
      Map<StackPart, Integer> ports,
      Map<StackPart, List<String>> javaOptions,
      Path temporaryDirectory) {
    this.repository = repository.toAbsolutePath();
    this.home = home;
    this.processes = new StackProcesses(home);
    this.ports = new EnumMap<>(ports);
    this.javaOptions = Map.copyOf(javaOptions);
    this.readiness = new StackReadiness(this);
    this.temporaryDirectory = temporaryDirectory.toAbsolutePath();
  }

  /**
   * This stack with its parts on another {@code java.io.tmpdir} (where zonky unpacks PostgreSQL's
   * binaries, for one), e.g. a new empty one, as on a machine where nothing ran before.
   */
  public Stack withTemporaryDirectory(Path directory) {
    return new Stack(repository, home, ports, javaOptions, directory);
  }

  /**
   * This stack starting {@code part}'s JVM with {@code options} instead of its default heap limit
   * ({@link #DEFAULT_HEAP}), e.g. none at all for a benchmark that measures the JVM's defaults.
   */
  public Stack withJavaOptions(StackPart part, List<String> options) {
    Map<StackPart, List<String>> all = new EnumMap<>(StackPart.class);
    all.putAll(javaOptions);
    all.put(part, List.copyOf(options));
    return new Stack(repository, home, ports, all, temporaryDirectory);
  }

  /**
   * The ports of {@link StackPart#defaultPort()}, each overridable by {@code DEVSTACK_<PART>_PORT}
   * (e.g. {@code DEVSTACK_AUTH_SERVICE_PORT}).
   */
  public static Map<StackPart, Integer> configuredPorts() {
    Map<StackPart, Integer> ports = new EnumMap<>(StackPart.class);
    for (StackPart part : StackPart.values()) {
      String name = "DEVSTACK_" + part.id().toUpperCase().replace('-', '_') + "_PORT";
      ports.put(
          part, Infrastructure.setting(name).map(Integer::parseInt).orElse(part.defaultPort()));
    }
    return ports;
  }

  public StackHome home() {
    return home;
  }

  public int port(StackPart part) {
    return ports.get(part);
  }

  /** {@code http://localhost:<port>} of a part that speaks HTTP. */
  public String url(StackPart part) {
    return "http://localhost:" + port(part);
  }

  public String kafkaBootstrapServers() {
    return externalKafka.orElse("localhost:" + port(StackPart.KAFKA));
  }

  /** Whether the part is provided from outside (by environment) rather than started here. */
  public boolean isExternal(StackPart part) {
    return (part == StackPart.KAFKA && externalKafka.isPresent())
        || (part == StackPart.POSTGRES && externalPostgres.isPresent());
  }

  /**
   * This stack as its services see it before the simulator runs: Kafka and where each of the
   * connector's processes listens ({@link StackEnvironment#topology()} adds the rest).
   */
  public Topology topology() {
    Topology topology = Topology.of(kafkaBootstrapServers());
    for (StackPart part : StackPart.values()) {
      if (part.service().isPresent()) {
        topology = topology.withAddress(part.service().get(), "localhost", port(part));
      }
    }
    return topology;
  }

  /** Starts every part that is not running, in order, and waits until each is ready. */
  public StackEnvironment up(Consumer<String> progress) {
    return up(EnumSet.allOf(StackPart.class), progress);
  }

  /**
   * Starts {@code wanted} and the parts they require ({@link StackPart#requires()}) that are not
   * running, in order, and waits until each is ready; the environment once the simulator runs.
   */
  public StackEnvironment up(Set<StackPart> wanted, Consumer<String> progress) {
    StackEnvironment environment = null;
    for (StackPart part : StackPart.withRequirements(wanted)) {
      if (part.isService() && environment == null) {
        environment = StackEnvironment.read(this); // the simulator is ready: its clients are known
      }
      if (isExternal(part)) {
        progress.accept(String.format("%-16s external", part.id()));
      } else if (running(part).isPresent()) {
        readiness.await(part, running(part).get());
        progress.accept(String.format("%-16s already running", part.id()));
      } else {
        start(part, environment, progress);
      }
      prepare(part);
    }
    return environment != null || running(StackPart.SIMULATOR).isEmpty()
        ? environment
        : StackEnvironment.read(this);
  }

  /** Starts one part (its dependencies must be up) and waits until it is ready. */
  public void start(StackPart part, Consumer<String> progress) {
    start(part, part.isService() ? StackEnvironment.read(this) : null, progress);
  }

  private void start(StackPart part, StackEnvironment environment, Consumer<String> progress) {
    readiness.requirePortFree(part);
    long started = System.nanoTime();
    progress.accept(String.format("%-16s starting on port %d ...", part.id(), port(part)));
    ProcessHandle process =
        processes.start(
            part.id(),
            command(part),
            environment == null ? Map.of() : environment.serviceEnvironment(part),
            repository);
    readiness.await(part, process);
    progress.accept(
        String.format(
            "%-16s ready in %.1f s (pid %d)",
            part.id(), (System.nanoTime() - started) / 1e9, process.pid()));
  }

  /** What must exist before the next parts start: the project's topics, the services' databases. */
  private void prepare(StackPart part) {
    if (part == StackPart.KAFKA) {
      KafkaServers.createTopics(kafkaBootstrapServers());
    } else if (part == StackPart.POSTGRES) {
      PostgresServer server = postgres();
      for (Service service : Service.values()) {
        service.database().ifPresent(name -> PostgresServers.ensureDatabase(server, name));
      }
    }
  }

  /**
   * Stops every process this stack started (extra instances first, then the parts in reverse
   * order); the names of those that ran.
   */
  public List<String> down(Consumer<String> progress) {
    List<String> order = new ArrayList<>(home.processes());
    List<StackPart> parts = new ArrayList<>(List.of(StackPart.values()));
    Collections.reverse(parts);
    parts.forEach(part -> order.remove(part.id()));
    parts.forEach(part -> order.add(part.id()));
    List<String> stopped = new ArrayList<>();
    for (String id : order) {
      if (processes.stop(id, STOP_GRACE)) {
        progress.accept(String.format("%-16s stopped", id));
        stopped.add(id);
      }
    }
    return stopped;
  }

  /** Stops one part (SIGTERM, then SIGKILL after a grace period); true if it ran. */
  public boolean stop(StackPart part) {
    return stop(part.id());
  }

  /** Stops one process of the stack by its id (a part's, or an extra instance's). */
  public boolean stop(String id) {
    return processes.stop(id, STOP_GRACE);
  }

  /** Kills a process of the stack at once (SIGKILL), as a crash or an OOM kill would. */
  public void kill(String id) {
    processes.kill(id);
  }

  public Optional<ProcessHandle> running(StackPart part) {
    return processes.running(part.id());
  }

  /**
   * Starts another sync-worker as {@code id} (e.g. {@code sync-worker-2}) on {@code port}, with the
   * first one's settings: one more replica in the same consumer group, claiming runs with leases.
   */
  public void startExtraWorker(String id, int port, Consumer<String> progress) {
    long started = System.nanoTime();
    Map<String, String> env =
        ServiceRecipe.environment(
            Service.SYNC_WORKER,
            StackEnvironment.read(this)
                .topology()
                .withAddress(Service.SYNC_WORKER, "localhost", port));
    ProcessHandle process = processes.start(id, command(StackPart.SYNC_WORKER), env, repository);
    readiness.awaitReady(id, "http://localhost:" + port + "/q/health/ready", process);
    progress.accept(
        String.format(
            "%-16s ready in %.1f s (pid %d)",
            id, (System.nanoTime() - started) / 1e9, process.pid()));
  }

  /**
   * The PostgreSQL server: {@code POSTGRES_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD}, or
   * the embedded one (user postgres, trust authentication).
   */
  public PostgresServer postgres() {
    return externalPostgres
        .map(
            host ->
                new PostgresServer(
                    host,
                    Integer.parseInt(Infrastructure.setting("POSTGRES_PORT").orElse("5432")),
                    Infrastructure.setting("POSTGRES_USER").orElse("postgres"),
                    Infrastructure.setting("POSTGRES_PASSWORD").orElse(""),
                    "external (POSTGRES_HOST)"))
        .orElseGet(
            () ->
                new PostgresServer(
                    "localhost", port(StackPart.POSTGRES), "postgres", "", "devstack"));
  }

  private List<String> command(StackPart part) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        javaOptions.getOrDefault(
            part, List.of(part == StackPart.POSTGRES ? POSTGRES_HEAP : DEFAULT_HEAP)));
    command.add("-Djava.io.tmpdir=" + existing(temporaryDirectory));
    command.addAll(
        switch (part) {
          case KAFKA -> standalone(StandaloneKafka.class, part, port(part) + 1);
          case POSTGRES -> standalone(StandalonePostgres.class, part);
          case SIMULATOR -> simulatorArguments();
          default -> List.of("-jar", serviceJar(part).toString());
        });
    return command;
  }

  private List<String> simulatorArguments() {
    List<String> arguments = new ArrayList<>(List.of("-jar", simulatorJar().toString()));
    arguments.addAll(ServiceRecipe.arguments(Service.GRAPH_SIMULATOR, topology()));
    return arguments;
  }

  /** One of the stack's mains on this JVM's class path: {@code MAIN DATA_DIR PORT [MORE_PORTS]}. */
  private List<String> standalone(Class<?> main, StackPart part, int... morePorts) {
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            main.getName(),
            home.data(part).toString(),
            Integer.toString(port(part))));
    for (int port : morePorts) {
      arguments.add(Integer.toString(port));
    }
    return arguments;
  }

  /** {@code TMPDIR} may name a directory nobody created yet. */
  private static Path existing(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the temporary directory " + directory, e);
    }
  }

  /** The service's packaged fast-jar. */
  Path serviceJar(StackPart part) {
    return packaged(repository.resolve(part.id()).resolve("target/quarkus-app/quarkus-run.jar"));
  }

  private Path simulatorJar() {
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(
            repository.resolve("graph-simulator/target"), "graph-simulator-*.jar")) {
      for (Path jar : jars) {
        if (!jar.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar")) {
          return jar;
        }
      }
    } catch (IOException e) {
      // not built: reported below
    }
    return packaged(repository.resolve("graph-simulator/target/graph-simulator.jar"));
  }

  private static Path packaged(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new UncheckedIOException(
          new IOException(jar + " is not built: run ./mvnw -B package -DskipTests"));
    }
    return jar;
  }
}
