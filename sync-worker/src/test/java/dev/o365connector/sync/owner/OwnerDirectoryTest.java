package dev.o365connector.sync.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.sync.cursor.CursorStore;
import dev.o365connector.sync.cursor.CursorStore.Cursor;
import dev.o365connector.sync.cursor.CursorStore.CursorScope;
import dev.o365connector.sync.cursor.SyncStateRemoval;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.graph.GraphGone;
import dev.o365connector.sync.listing.ListedObjectStore;
import dev.o365connector.sync.listing.ListedObjectStore.ListingScope;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The owner directory against stand-ins for Graph and its two tables, each holding what the real
 * one would: which user ids the tenant has, where the directory's delta stands, and whose mailbox,
 * calendar and drive state was dropped.
 */
class OwnerDirectoryTest {

  private static final String INSTALLATION = "inst-1";
  private static final String BASE = "http://gw/graph/inst-1/v1.0";
  private static final String START = BASE + "/users/delta?$select=id";
  private static final CursorScope CURSOR = new CursorScope(INSTALLATION, "users", "", "owners");
  private static final ListingScope MEMBERS = new ListingScope(INSTALLATION, "users", "", "owner");

  /** Graph's pages by URL; a URL without one answers 410 (an expired token). */
  private final Map<String, JsonNode> graph = new HashMap<>();

  private final List<String> asked = new ArrayList<>();
  private final Map<CursorScope, Cursor> cursors = new HashMap<>();
  private final List<Cursor> saved = new ArrayList<>();
  private final Set<String> members = new TreeSet<>();

  /** Leavers whose state was dropped, and whether they were still in the set at that moment. */
  private final Map<String, Boolean> forgotten = new HashMap<>();

  private final OwnerDirectory directory = directory();

  @Test
  void aFirstRoundReadsTheWholeDirectoryAndStoresOnlyItsDeltaLink() {
    graph.put(START, page("{'value': [{'id': 'u2'}, {'id': 'u1'}], '@odata.nextLink': 'n2'}"));
    graph.put("n2", page("{'value': [{'id': 'u3'}], '@odata.deltaLink': 'd1'}"));

    OwnerIds ids = directory.follow(INSTALLATION, "req-1").await().indefinitely();

    assertThat(ids.ids()).containsExactly("u1", "u2", "u3");
    assertThat(ids.graphRequests()).isEqualTo(2);
    assertThat(members).containsExactly("u1", "u2", "u3");
    assertThat(saved).containsExactly(new Cursor("d1", true, "req-1", START));
  }

  @Test
  void aStoredLinkIsContinuedPageByPage() {
    members.addAll(List.of("u1", "u2"));
    cursors.put(CURSOR, new Cursor("d1", true, "req-0", START));
    graph.put(
        "d1",
        page("{'value': [{'id': 'u3'}, {'id': 'u1', '@removed': {}}], '@odata.nextLink': 'n2'}"));
    graph.put("n2", page("{'value': [{'id': 'u4'}], '@odata.deltaLink': 'd2'}"));

    OwnerIds ids = directory.follow(INSTALLATION, "req-1").await().indefinitely();

    assertThat(ids.ids()).containsExactly("u2", "u3", "u4");
    assertThat(ids.graphRequests()).isEqualTo(2);
    assertThat(asked).containsExactly("d1", "n2");
    // A leaver's state goes while they are still in the set: a crash in between replays it.
    assertThat(forgotten).containsExactly(Map.entry("u1", true));
    assertThat(saved)
        .containsExactly(
            new Cursor("n2", false, "req-1", START), new Cursor("d2", true, "req-1", START));
  }

  @Test
  void nobodyJoiningOrLeavingCostsOneRequest() {
    members.addAll(List.of("u1", "u2"));
    cursors.put(CURSOR, new Cursor("d1", true, "req-0", START));
    graph.put("d1", page("{'value': [], '@odata.deltaLink': 'd2'}"));

    OwnerIds ids = directory.follow(INSTALLATION, "req-1").await().indefinitely();

    assertThat(ids.ids()).containsExactly("u1", "u2");
    assertThat(ids.graphRequests()).isEqualTo(1);
    assertThat(forgotten).isEmpty();
  }

  @Test
  void aUserSeenTwiceOnAPageIsWhatTheLastMentionSays() {
    members.add("u1");
    cursors.put(CURSOR, new Cursor("d1", true, "req-0", START));
    graph.put(
        "d1",
        page(
            "{'value': [{'id': 'u1', '@removed': {}}, {'id': 'u1'}, {'id': 'u2'},"
                + " {'id': 'u2', '@removed': {}}], '@odata.deltaLink': 'd2'}"));

    OwnerIds ids = directory.follow(INSTALLATION, "req-1").await().indefinitely();

    assertThat(ids.ids()).containsExactly("u1");
    assertThat(forgotten).containsOnlyKeys("u2");
  }

  @Test
  void a410StartsTheDirectoryOverAndItsSetIsReplaced() {
    members.addAll(List.of("u1", "u2"));
    cursors.put(CURSOR, new Cursor("expired", true, "req-0", START));
    graph.put(START, page("{'value': [{'id': 'u2'}, {'id': 'u3'}], '@odata.deltaLink': 'd1'}"));

    OwnerIds ids = directory.follow(INSTALLATION, "req-1").await().indefinitely();

    assertThat(asked).containsExactly("expired", START);
    assertThat(ids.ids()).containsExactly("u2", "u3");
    assertThat(ids.graphRequests()).as("the 410 was a request too").isEqualTo(2);
    assertThat(forgotten).containsOnlyKeys("u1");
    assertThat(saved).containsExactly(new Cursor("d1", true, "req-1", START));
  }

  @Test
  void aCursorFromAnotherStartIsNotContinued() {
    members.add("u1");
    cursors.put(CURSOR, new Cursor("old", true, "req-0", BASE + "/users/delta"));
    graph.put("old", page("{'value': [], '@odata.deltaLink': 'd-old'}"));
    graph.put(START, page("{'value': [{'id': 'u1'}], '@odata.deltaLink': 'd1'}"));

    directory.follow(INSTALLATION, "req-1").await().indefinitely();

    assertThat(asked).containsExactly(START);
    assertThat(cursors).containsEntry(CURSOR, new Cursor("d1", true, "req-1", START));
  }

  private OwnerDirectory directory() {
    GatewayClient gateway = mock(GatewayClient.class);
    when(gateway.installationBase(INSTALLATION)).thenReturn(BASE);
    when(gateway.page(anyString(), eq(false)))
        .thenAnswer(
            call -> {
              String url = call.getArgument(0);
              asked.add(url);
              JsonNode page = graph.get(url);
              return page == null
                  ? Uni.createFrom().failure(new GraphGone(START))
                  : Uni.createFrom().item(page);
            });

    CursorStore cursorStore = mock(CursorStore.class);
    when(cursorStore.find(any()))
        .thenAnswer(
            call -> Uni.createFrom().item(Optional.ofNullable(cursors.get(call.getArgument(0)))));
    when(cursorStore.save(any(), any()))
        .thenAnswer(
            call -> {
              cursors.put(call.getArgument(0), call.getArgument(1));
              saved.add(call.getArgument(1));
              return Uni.createFrom().voidItem();
            });

    ListedObjectStore listed = mock(ListedObjectStore.class);
    when(listed.find(MEMBERS))
        .thenAnswer(
            call -> {
              Map<String, String> versions = new HashMap<>();
              members.forEach(id -> versions.put(id, ""));
              return Uni.createFrom().item(versions);
            });
    when(listed.add(eq(MEMBERS), anyCollection()))
        .thenAnswer(call -> changed(() -> members.addAll(call.<Collection<String>>getArgument(1))));
    when(listed.remove(eq(MEMBERS), anyCollection()))
        .thenAnswer(
            call -> changed(() -> members.removeAll(call.<Collection<String>>getArgument(1))));
    when(listed.keepOnly(eq(MEMBERS), anyCollection()))
        .thenAnswer(
            call ->
                changed(
                    () -> {
                      members.clear();
                      members.addAll(call.<Collection<String>>getArgument(1));
                    }));

    SyncStateRemoval state = mock(SyncStateRemoval.class);
    when(state.owner(eq(INSTALLATION), anyString()))
        .thenAnswer(
            call -> {
              String owner = call.getArgument(1);
              forgotten.put(owner, members.contains(owner));
              return Uni.createFrom().voidItem();
            });

    return new OwnerDirectory(gateway, cursorStore, listed, state);
  }

  private static Uni<Void> changed(Runnable change) {
    change.run();
    return Uni.createFrom().voidItem();
  }

  private static JsonNode page(String json) {
    try {
      return ContractJson.mapper().readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
