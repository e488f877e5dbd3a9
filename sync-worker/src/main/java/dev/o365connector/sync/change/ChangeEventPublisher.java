package dev.o365connector.sync.change;

import dev.o365connector.contracts.Topics;
import dev.o365connector.contracts.change.ChangeOp;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes change events to {@code o365.changes.<resource>} in CloudEvents binary mode (DESIGN.md
 * §3): attributes in {@code ce_*} headers, the data as the JSON value, a tombstone after every
 * DELETE. Completes once the broker acknowledged every record, so a cursor stored afterwards never
 * points past an unpublished change.
 */
@ApplicationScoped
public class ChangeEventPublisher {

  private final MutinyEmitter<Record<String, byte[]>> emitter;
  private final ContractValidator validator;
  private final Clock clock;

  ChangeEventPublisher(
      @Channel("changes") MutinyEmitter<Record<String, byte[]>> emitter,
      ContractValidator validator,
      Clock clock) {
    this.emitter = emitter;
    this.validator = validator;
    this.clock = clock;
  }

  /** Sends all {@code events} (in order) and completes when all are acknowledged. */
  public Uni<Void> publish(List<ChangeEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Uni<Void>> sends = new ArrayList<>();
    for (ChangeEvent event : events) {
      String topic = Topics.changes(event.data().resource());
      byte[] value = validator.writeValid(ContractSchema.CHANGE_EVENT_DATA, event.data());
      sends.add(send(topic, event.key(), value, headers(event)));
      if (event.data().op() == ChangeOp.DELETE) {
        sends.add(send(topic, event.key(), null, new RecordHeaders()));
      }
    }
    return Uni.join().all(sends).andFailFast().replaceWithVoid();
  }

  private Uni<Void> send(String topic, String key, byte[] value, RecordHeaders headers) {
    return emitter.sendMessage(
        Message.of(Record.of(key, value))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(topic)
                    .withHeaders(headers)
                    .build()));
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
