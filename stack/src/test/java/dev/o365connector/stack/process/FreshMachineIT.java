package dev.o365connector.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.o365connector.stack.infrastructure.Infrastructure;
import dev.o365connector.stack.postgres.PostgresServer;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's Kafka and PostgreSQL on a machine where nothing ran before: a temporary directory no
 * JVM has used (zonky unpacks PostgreSQL's binaries there), and what an interrupted first start
 * leaves behind. Kept after a failure for a look at the parts' logs.
 */
class FreshMachineIT {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Consumer<String> PROGRESS = line -> System.out.println("[stack] " + line);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path home;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path temporaryDirectory;

  private final List<Stack> started = new ArrayList<>();

  @BeforeEach
  void onlyWhereTheStackStartsItsOwnKafkaAndPostgres() {
    assumeFalse(
        Infrastructure.setting("KAFKA_BOOTSTRAP_SERVERS").isPresent()
            || Infrastructure.setting("POSTGRES_HOST").isPresent(),
        "KAFKA_BOOTSTRAP_SERVERS or POSTGRES_HOST is set: the stack would start neither");
  }

  @AfterEach
  void stopWhatRuns() {
    started.forEach(stack -> stack.down(PROGRESS));
  }

  @Test
  void startsOnATemporaryDirectoryNoJvmHasUsedAndLeavesNothingRunning() throws Exception {
    Stack stack = stack().withTemporaryDirectory(temporaryDirectory);

    stack.start(StackPart.POSTGRES, PROGRESS);
    stack.start(StackPart.KAFKA, PROGRESS);

    assertThat(postgresVersion(stack)).contains("PostgreSQL 17");
    assertThat(topicsAfterCreating(stack, "fresh-machine")).contains("fresh-machine");
    assertThat(temporaryDirectory.resolve("embedded-pg").resolve(binariesName()).resolve(".exists"))
        .exists();
    List<ProcessHandle> processes =
        List.of(
            stack.running(StackPart.KAFKA).orElseThrow(),
            stack.running(StackPart.POSTGRES).orElseThrow(),
            postmaster(stack));
    List<Integer> ports =
        List.of(
            stack.port(StackPart.KAFKA),
            stack.port(StackPart.KAFKA) + 1,
            stack.port(StackPart.POSTGRES));

    assertThat(stack.down(PROGRESS)).containsExactlyInAnyOrder("kafka", "postgres");
    // pg_ctl stop returns once the postmaster removed its pid file, just before it exits.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(processes).noneMatch(ProcessHandle::isAlive);
              assertThat(ports).allMatch(FreshMachineIT::isFree);
            });
  }

  @Test
  void startsOverAHalfUnpackedBinariesDirectory() throws Exception {
    // What zonky's unpack leaves when cut short (it ran out of memory): links to files it never
    // wrote, a truncated binary.
    Path planted = temporaryDirectory.resolve("embedded-pg").resolve(binariesName());
    Files.createDirectories(planted.resolve("bin"));
    Files.createDirectories(planted.resolve("share/postgresql"));
    Files.createDirectories(planted.resolve("lib"));
    Files.createSymbolicLink(planted.resolve("lib/libpq.so"), Path.of("libpq.so.5.17"));
    Files.createSymbolicLink(planted.resolve("lib/libicuuc.so"), Path.of("libicuuc.so.60.2"));
    Files.write(planted.resolve("bin/initdb"), new byte[] {0x7f, 'E', 'L', 'F'});
    Stack stack = stack().withTemporaryDirectory(temporaryDirectory);

    stack.start(StackPart.POSTGRES, PROGRESS);

    assertThat(postgresVersion(stack)).contains("PostgreSQL 17");
    assertThat(planted.resolve(".exists")).exists();
    assertThat(planted.resolve("lib/libpq.so")).exists(); // the link resolves now
    try (Stream<Path> workingDirectory = Files.list(planted.getParent())) {
      assertThat(workingDirectory).containsExactly(planted); // nothing half-done left beside it
    }
  }

  @Test
  void movesDataDirectoriesAnInterruptedFirstStartLeftAsideAndStartsAfresh() throws Exception {
    Stack stack = stack(); // on this JVM's temporary directory, the default
    Path postgresData = stack.home().data(StackPart.POSTGRES);
    // initdb writes the configuration before it creates the cluster (global/pg_control).
    Files.createDirectories(postgresData.resolve("base"));
    Files.writeString(postgresData.resolve("PG_VERSION"), "17\n");
    Files.writeString(postgresData.resolve("postgresql.conf"), "# planted\n");
    Path kafkaLog = stack.home().data(StackPart.KAFKA).resolve("log");
    Files.createDirectories(kafkaLog.resolve("__cluster_metadata-0"));
    Files.writeString(kafkaLog.resolve("__cluster_metadata-0/planted.log"), "planted");

    stack.start(StackPart.POSTGRES, PROGRESS);
    stack.start(StackPart.KAFKA, PROGRESS);

    assertThat(postgresVersion(stack)).contains("PostgreSQL 17");
    assertThat(topicsAfterCreating(stack, "fresh-machine")).contains("fresh-machine");
    assertThat(setAside(postgresData).resolve("postgresql.conf")).hasContent("# planted");
    assertThat(setAside(kafkaLog).resolve("__cluster_metadata-0/planted.log"))
        .hasContent("planted");
    assertThat(kafkaLog.resolve("meta.properties")).exists();
  }

  /** A stack in {@code home} with Kafka (and its controller) and PostgreSQL on free ports. */
  private Stack stack() throws IOException {
    Map<StackPart, Integer> ports = new EnumMap<>(Stack.configuredPorts());
    int kafka = freePort();
    while (!isFree(kafka + 1)) {
      kafka = freePort();
    }
    int postgres = freePort();
    while (postgres == kafka + 1) {
      postgres = freePort();
    }
    ports.put(StackPart.KAFKA, kafka);
    ports.put(StackPart.POSTGRES, postgres);
    Stack stack = new Stack(REPOSITORY, new StackHome(home), ports);
    started.add(stack);
    return stack;
  }

  /** zonky's directory name for its binaries: PG- and the MD5 of the archive. */
  private static String binariesName() throws Exception {
    try (InputStream archive =
            DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
        DigestInputStream digesting =
            new DigestInputStream(archive, MessageDigest.getInstance("MD5"))) {
      digesting.transferTo(OutputStream.nullOutputStream());
      return "PG-" + HexFormat.of().formatHex(digesting.getMessageDigest().digest());
    }
  }

  private static String postgresVersion(Stack stack) throws Exception {
    PostgresServer server = stack.postgres();
    try (Connection connection =
            DriverManager.getConnection(
                server.jdbcUrl("postgres"), server.user(), server.password());
        ResultSet version = connection.createStatement().executeQuery("select version()")) {
      version.next();
      return version.getString(1);
    }
  }

  private static Set<String> topicsAfterCreating(Stack stack, String topic) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
      // The controller acks the creation before every listener's metadata has it: ask until it
      // does.
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> admin.listTopics().names().get(30, TimeUnit.SECONDS),
              names -> names.contains(topic));
    }
  }

  /** The PostgreSQL server process itself, which zonky's pg_ctl started outside the part's tree. */
  private static ProcessHandle postmaster(Stack stack) throws IOException {
    String pid =
        Files.readAllLines(stack.home().data(StackPart.POSTGRES).resolve("postmaster.pid")).get(0);
    return ProcessHandle.of(Long.parseLong(pid.trim())).orElseThrow();
  }

  /** The one {@code <directory>.incomplete-<time>} beside {@code directory}. */
  private static Path setAside(Path directory) throws IOException {
    try (Stream<Path> siblings = Files.list(directory.getParent())) {
      List<Path> aside =
          siblings
              .filter(
                  path ->
                      path.getFileName()
                          .toString()
                          .startsWith(directory.getFileName() + ".incomplete-"))
              .toList();
      assertThat(aside).hasSize(1);
      return aside.get(0);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
