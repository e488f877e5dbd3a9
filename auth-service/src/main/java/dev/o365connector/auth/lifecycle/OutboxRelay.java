package dev.o365connector.auth.lifecycle;

import dev.o365connector.auth.config.AuthConfig;
import dev.o365connector.auth.lease.JobLease;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends the outbox to {@code o365.installations} (key: installation id) in outbox order, each event
 * acknowledged by the broker before the next, then deletes what was sent. Only the replica holding
 * the lease relays, so one installation's events arrive in the order its changes committed.
 * At-least-once: a crash between the ack and the delete sends those events again.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /**
   * No send starts later than this into a pass. The producer gives up on a send within 20 s
   * (max.block.ms + delivery.timeout.ms, application.properties), so every send settles inside the
   * 30 s lease and a replica taking over never races one still in flight.
   */
  private static final Duration SEND_WINDOW = Duration.ofSeconds(5);

  private final OutboxEntryRepository entries;

  /** Short, so a replica that died holding it delays events by seconds, not minutes. */
  private final JobLease lease = new JobLease("installation-outbox", Duration.ofSeconds(30));

  private final OutboxMetrics metrics;
  private final MutinyEmitter<byte[]> emitter;
  private final Vertx vertx;
  private final int batchSize;

  /** Passes run one at a time per process; a nudge during a pass asks for one more after it. */
  private final AtomicBoolean running = new AtomicBoolean();

  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicReference<CompletableFuture<Integer>> nextPass =
      new AtomicReference<>(new CompletableFuture<>());

  OutboxRelay(
      OutboxEntryRepository entries,
      OutboxMetrics metrics,
      @Channel("installations") MutinyEmitter<byte[]> emitter,
      Vertx vertx,
      AuthConfig config) {
    this.entries = entries;
    this.metrics = metrics;
    this.emitter = emitter;
    this.vertx = vertx;
    this.batchSize = config.outbox().batchSize();
  }

  /** The backstop: rows a nudge missed (another replica held the lease, Kafka was down). */
  @Scheduled(
      every = "${o365.auth.outbox.every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      // The first trigger can fire before the Kafka channel is connected.
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> scheduled() {
    return relay().replaceWithVoid();
  }

  /**
   * Runs a pass that starts after this call: how many events it sent and deleted (0 when another
   * replica holds the lease).
   */
  public Uni<Integer> relay() {
    CompletableFuture<Integer> pass = nextPass.get();
    nudge();
    return Uni.createFrom().completionStage(pass);
  }

  /** Asks for a pass now and returns at once; never blocks the caller's event loop. */
  void nudge() {
    again.set(true);
    if (running.compareAndSet(false, true)) {
      start();
    }
  }

  private void start() {
    again.set(false);
    CompletableFuture<Integer> done = nextPass.getAndSet(new CompletableFuture<>());
    // A context of its own: sharing the caller's would share its Hibernate Reactive session.
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(
        ignored ->
            Uni.createFrom()
                .deferred(this::pass)
                .subscribe()
                .with(
                    sent -> finished(done, sent),
                    failure -> {
                      LOG.warnf("Outbox relay pass failed, retrying later: %s", failure.toString());
                      metrics.failed();
                      finished(done, 0);
                    }));
  }

  private void finished(CompletableFuture<Integer> done, int sent) {
    running.set(false);
    done.complete(sent);
    // A full batch means more may wait; a nudge during the pass may have come after its read.
    if ((again.get() || sent >= batchSize) && running.compareAndSet(false, true)) {
      start();
    }
  }

  private Uni<Integer> pass() {
    return lease
        .acquire()
        .flatMap(
            held ->
                held ? relayBatch().onTermination().call(lease::release) : Uni.createFrom().item(0))
        .call(
            sent ->
                Panache.withSession(entries::backlog)
                    .invoke(backlog -> metrics.backlog(backlog.pending(), backlog.oldest())));
  }

  private Uni<Integer> relayBatch() {
    long deadline = System.nanoTime() + SEND_WINDOW.toNanos();
    return Panache.withSession(() -> entries.oldest(batchSize))
        .flatMap(rows -> sendInOrder(rows, deadline))
        .flatMap(
            sent ->
                sent.isEmpty()
                    ? Uni.createFrom().item(0)
                    : Panache.withTransaction(() -> entries.deleteSent(sent))
                        .invoke(() -> metrics.relayed(sent.size()))
                        .replaceWith(sent.size()));
  }

  /** The ids sent, in order; stops at the first failure so nothing overtakes an unsent event. */
  private Uni<List<Long>> sendInOrder(List<OutboxEntry> rows, long deadline) {
    List<Long> sent = new ArrayList<>();
    return Multi.createFrom()
        .iterable(rows)
        .onItem()
        .transformToUniAndConcatenate(
            row ->
                System.nanoTime() > deadline
                    ? Uni.createFrom().nullItem()
                    : send(row).invoke(() -> sent.add(row.id)))
        .collect()
        .last()
        .replaceWith(sent)
        .onFailure()
        .recoverWithItem(
            failure -> {
              // Never the payload: the reason and the position are enough to act on.
              LOG.warnf(
                  "Kafka did not acknowledge an installation event; %d of %d relayed, the rest"
                      + " stay in the outbox for the next pass: %s",
                  sent.size(), rows.size(), failure.toString());
              metrics.failed();
              return sent;
            });
  }

  private Uni<Void> send(OutboxEntry row) {
    return emitter.sendMessage(
        Message.of(row.payload.getBytes(StandardCharsets.UTF_8))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(row.installationId.toString())
                    .build()));
  }
}
