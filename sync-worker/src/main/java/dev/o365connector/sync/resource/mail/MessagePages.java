package dev.o365connector.sync.resource.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.delta.PageHandler;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.graph.GraphFailure;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of one folder's {@code messages/delta} as change events. A message is an UPSERT with its
 * folder as {@code containerId}. An {@code @removed} is a DELETE only when the message is gone from
 * the mailbox: a move also leaves the old folder with {@code @removed}, and then the folder that
 * now holds the message reports it as an UPSERT, before or after this one. Immutable ids make the
 * check one lookup.
 */
final class MessagePages implements PageHandler {

  private final GatewayClient gateway;
  private final String mailbox;
  private final String folderId;
  private final RoundCounts counts;

  /**
   * @param mailbox the gateway URL of the owner ({@code .../me} or {@code .../users/{id}})
   * @param counts where the lookups are counted as Graph requests
   */
  MessagePages(GatewayClient gateway, String mailbox, String folderId, RoundCounts counts) {
    this.gateway = gateway;
    this.mailbox = mailbox;
    this.folderId = folderId;
    this.counts = counts;
  }

  @Override
  public Uni<List<ChangeEvent>> events(ChangeScope scope, JsonNode page) {
    // Only an @removed needs a lookup; the rest stay plain calls (a page is up to 1,000 items).
    List<Uni<List<ChangeEvent>>> lookups = new ArrayList<>();
    List<ChangeEvent> events = new ArrayList<>();
    for (JsonNode message : page.path("value")) {
      JsonNode removed = message.get("@removed");
      if (removed == null) {
        String folder = message.path("parentFolderId").asText(folderId);
        events.add(
            ChangeEvent.upsert(
                scope, ObjectType.MESSAGE, message.path("id").asText(), folder, message));
      } else {
        lookups.add(deleteIfGone(scope, message.path("id").asText(), removed));
      }
    }
    if (lookups.isEmpty()) {
      return Uni.createFrom().item(events);
    }
    // Page order is kept per key: upserts and deletes of one page never share a message id.
    return Multi.createFrom()
        .iterable(lookups)
        .onItem()
        .transformToUniAndConcatenate(lookup -> lookup)
        .collect()
        .in(() -> events, List::addAll);
  }

  private Uni<List<ChangeEvent>> deleteIfGone(ChangeScope scope, String id, JsonNode removed) {
    counts.requests(1);
    return gateway
        .page(mailbox + "/messages/" + id + "?$select=id,parentFolderId", true)
        .map(stillThere -> List.<ChangeEvent>of())
        .onFailure(GraphFailure::itemNotFound)
        .recoverWithItem(
            gone ->
                List.of(
                    ChangeEvent.delete(
                        scope,
                        ObjectType.MESSAGE,
                        id,
                        folderId,
                        removed.path("reason").asText("deleted"))));
  }
}
