package dev.o365connector.sync.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.contracts.Topics;
import dev.o365connector.contracts.change.ChangeEventData;
import dev.o365connector.contracts.change.ChangeOp;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes change events to {@code o365.changes.<resource>} in CloudEvents binary mode
 * (docs/events.md): attributes in {@code ce_*} headers, the data as the JSON value, a tombstone
 * after every DELETE. Completes once the broker acknowledged every record, so a cursor stored
 * afterwards never points past an unpublished change.
 */
@ApplicationScoped
public class ChangeEventPublisher {

  private static final ObjectMapper JSON = ContractJson.mapper();
  private static final ObjectNode STAND_IN = JSON.createObjectNode();

  private final MutinyEmitter<Record<String, byte[]>> emitter;
  private final ContractValidator validator;
  private final Clock clock;

  ChangeEventPublisher(
      // Bounded by the callers, not here: a run sends one page per owner at a time and waits for
      // its acks, so at most runs x owners x page size (x2 with tombstones) records wait.
      @Channel("changes") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
          MutinyEmitter<Record<String, byte[]>> emitter,
      ContractValidator validator,
      Clock clock) {
    this.emitter = emitter;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Sends all {@code events} (in order) and completes when Kafka acknowledged every one, or fails
   * with the first failure. One completion per page, not one per record: a page is up to 1,000.
   * Completes on the caller's Vert.x context (the run's, with its trace and log keys), not on the
   * Kafka producer's thread that delivered the acks.
   */
  public Uni<Void> publish(List<ChangeEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Context caller = Vertx.currentContext();
    Uni<Void> acked = acked(events);
    return caller == null ? acked : acked.emitOn(task -> caller.runOnContext(x -> task.run()));
  }

  private Uni<Void> acked(List<ChangeEvent> events) {
    List<Message<Record<String, byte[]>>> records = new ArrayList<>();
    return Uni.createFrom()
        .emitter(
            done -> {
              for (ChangeEvent event : events) {
                String topic = Topics.changes(event.data().resource());
                records.add(message(topic, event.key(), value(event.data()), headers(event), done));
                if (event.data().op() == ChangeOp.DELETE) {
                  records.add(message(topic, event.key(), null, new RecordHeaders(), done));
                }
              }
              AtomicInteger pending = new AtomicInteger(records.size());
              records.forEach(
                  record ->
                      emitter.sendMessageAndForget(
                          record.withAck(
                              () -> {
                                if (pending.decrementAndGet() == 0) {
                                  done.complete(null);
                                }
                                return CompletableFuture.completedFuture(null);
                              })));
            });
  }

  private static Message<Record<String, byte[]>> message(
      String topic, String key, byte[] value, RecordHeaders headers, UniEmitter<?> done) {
    return Message.of(Record.of(key, value))
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withHeaders(headers)
                .build())
        .withNack(
            failure -> {
              done.fail(failure); // the first failure wins; later calls are ignored
              return CompletableFuture.completedFuture(null);
            });
  }

  /**
   * The event's JSON. The schema constrains everything but the Graph object, of which it only
   * requires that it is an object: checking the envelope with a stand-in for it spares copying
   * every Graph object into a tree (a third of the worker's CPU at 1,000-item pages).
   */
  private byte[] value(ChangeEventData data) {
    validator.requireValid(
        ContractSchema.CHANGE_EVENT_DATA,
        data.data() != null && data.data().isObject() ? data.withData(STAND_IN) : data);
    try {
      return JSON.writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a change event could not be written", e);
    }
  }

  private RecordHeaders headers(ChangeEvent event) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", event.id());
    header(headers, "ce_source", "/installations/" + event.data().installationId());
    header(headers, "ce_type", event.type());
    if (event.data().objectId() != null) {
      header(headers, "ce_subject", event.data().objectId());
    }
    header(headers, "ce_time", clock.instant().toString());
    header(headers, "content-type", "application/json");
    return headers;
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
