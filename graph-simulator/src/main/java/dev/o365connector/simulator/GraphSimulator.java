package dev.o365connector.simulator;

import dev.o365connector.simulator.batch.BatchRoutes;
import dev.o365connector.simulator.calendar.CalendarRoutes;
import dev.o365connector.simulator.control.ControlRoutes;
import dev.o365connector.simulator.delta.DeltaPager;
import dev.o365connector.simulator.delta.DeltaTokens;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.drive.DriveRoutes;
import dev.o365connector.simulator.faults.FaultRoutes;
import dev.o365connector.simulator.faults.LimitRoutes;
import dev.o365connector.simulator.faults.TokenFaultRoutes;
import dev.o365connector.simulator.graph.FunctionSyntax;
import dev.o365connector.simulator.graph.GraphRequests;
import dev.o365connector.simulator.identity.IdentityRoutes;
import dev.o365connector.simulator.identity.SigningKey;
import dev.o365connector.simulator.mail.MailRoutes;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.stats.StatsRoutes;
import dev.o365connector.simulator.tls.SelfSignedTls;
import dev.o365connector.simulator.users.UserRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An offline Microsoft identity platform and Graph v1.0 on one port: identity under {@code
 * /{tenant}/...}, Graph under {@code /v1.0/...}, the control API under {@code /_sim}.
 *
 * <pre>
 * GraphSimulator sim = new GraphSimulator(SimulatorConfig.defaults()).start();
 * sim.baseUrl();      // login base URL, e.g. http://localhost:41234
 * sim.graphBaseUrl(); // http://localhost:41234/v1.0
 * sim.stop();
 * </pre>
 */
public final class GraphSimulator implements AutoCloseable {

  private final SimulatorContext context;
  private Vertx vertx;
  private HttpServer server;

  public GraphSimulator(SimulatorConfig config) {
    Directory directory = new Directory(config.seed());
    Clock clock = Clock.systemUTC();
    this.context =
        new SimulatorContext(
            config,
            directory,
            new SigningKey(),
            clock,
            new DeltaPager(new DeltaTokens(), clock, config.deltaTokenLifetime()));
    if (config.demoTenant()) {
      DemoTenant.seed(new Seeder(directory));
    }
  }

  /** Starts listening; returns once the port is bound. */
  public synchronized GraphSimulator start() {
    if (server != null) {
      return this;
    }
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(10 * 1024 * 1024));
    FunctionSyntax.register(router);
    // Stats first to see every final status and time each request from its arrival; limits
    // before faults, so a delayed request holds its mailbox slot while it waits.
    new StatsRoutes(context).register(router);
    new LimitRoutes(context).register(router);
    new FaultRoutes(context).register(router);
    new TokenFaultRoutes(context).register(router);
    new BatchRoutes(context).register(router);
    new ControlRoutes(context).register(router);
    new IdentityRoutes(context).register(router);
    // Graph v1.0 under /v1.0: every resource's routes, sharing authentication.
    GraphRequests graph = GraphRequests.of(context);
    new UserRoutes(context, graph).register(router);
    new MailRoutes(context, graph).register(router);
    new DriveRoutes(context, graph).register(router);
    new CalendarRoutes(context, graph).register(router);
    SimulatorConfig config = context.config();
    SelfSignedTls tls = config.https() ? SelfSignedTls.generate() : null;
    HttpServerOptions options = new HttpServerOptions();
    if (tls != null) {
      tls.export(tlsDirectory(config));
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setKeyValue(Buffer.buffer(tls.privateKeyPem()))
                  .setCertValue(Buffer.buffer(tls.certificatePem())));
    }
    try {
      server =
          vertx
              .createHttpServer(options)
              .requestHandler(router)
              .listen(context.config().port())
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the simulator", e);
    } catch (ExecutionException | TimeoutException e) {
      vertx.close();
      throw new IllegalStateException(
          "Could not listen on port " + context.config().port(), e.getCause());
    }
    context.listeningOn(
        (tls == null ? "http://" : "https://") + config.host() + ":" + server.actualPort(), tls);
    return this;
  }

  /** Where the certificate goes: the configured directory, else a new temporary one. */
  private static Path tlsDirectory(SimulatorConfig config) {
    try {
      return config.tlsDirectory() != null
          ? config.tlsDirectory()
          : Files.createTempDirectory("graph-simulator-tls-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a directory for the certificate", e);
    }
  }

  /** The exported certificate ({@code simulator.crt.pem}, {@code truststore.p12}), if HTTPS. */
  public Optional<SelfSignedTls> tls() {
    return context.tls();
  }

  /** Stops listening and releases every thread. */
  public synchronized void stop() {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
      vertx = null;
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  public int port() {
    return server.actualPort();
  }

  /** The login base URL ({@code https://login.microsoftonline.com} in production). */
  public String baseUrl() {
    return context.baseUrl();
  }

  /** The Graph base URL ({@code https://graph.microsoft.com/v1.0} in production). */
  public String graphBaseUrl() {
    return context.graphBaseUrl();
  }

  /** The simulator's state, for tests that seed or inspect it directly. */
  public SimulatorContext context() {
    return context;
  }
}
