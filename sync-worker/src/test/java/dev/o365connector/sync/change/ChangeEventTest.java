package dev.o365connector.sync.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.contracts.change.ObjectType;
import org.junit.jupiter.api.Test;

class ChangeEventTest {

  private static final ChangeScope SCOPE = new ChangeScope("inst", "tenant", null, "req-1", false);

  @Test
  void theSameVersionOfAnObjectAlwaysGetsTheSameIdWhicheverRunSeesIt() throws Exception {
    JsonNode user = ContractJson.mapper().readTree("{\"id\":\"u1\",\"displayName\":\"Ann\"}");
    ChangeEvent first = ChangeEvent.upsert(SCOPE, ObjectType.USER, "u1", null, user);
    ChangeEvent replay =
        ChangeEvent.upsert(
            new ChangeScope("inst", "tenant", null, "req-2", false),
            ObjectType.USER,
            "u1",
            null,
            user);
    ChangeEvent changed =
        ChangeEvent.upsert(
            SCOPE,
            ObjectType.USER,
            "u1",
            null,
            ContractJson.mapper().readTree("{\"id\":\"u1\",\"displayName\":\"Bo\"}"));

    assertThat(replay.id()).isEqualTo(first.id());
    assertThat(changed.id()).isNotEqualTo(first.id());
    assertThat(first.key()).isEqualTo("inst|u1");
    assertThat(first.type()).isEqualTo("dev.o365connector.users.upserted");
  }

  @Test
  void graphsOwnVersionWinsOverAHashOfTheData() throws Exception {
    JsonNode a = ContractJson.mapper().readTree("{\"id\":\"m\",\"changeKey\":\"ck1\",\"x\":1}");
    JsonNode b = ContractJson.mapper().readTree("{\"id\":\"m\",\"changeKey\":\"ck1\",\"x\":2}");
    assertThat(ChangeEvent.upsert(SCOPE, ObjectType.MESSAGE, "m", "f", a).id())
        .isEqualTo(ChangeEvent.upsert(SCOPE, ObjectType.MESSAGE, "m", "f", b).id());
  }

  @Test
  void deletesAndResyncMarkers() {
    ChangeEvent delete = ChangeEvent.delete(SCOPE, ObjectType.USER, "u1", null, "deleted");
    assertThat(delete.type()).isEqualTo("dev.o365connector.users.deleted");
    assertThat(delete.data().data()).isNull();
    assertThat(delete.data().removedReason()).isEqualTo("deleted");

    ChangeEvent started = ChangeEvent.resyncMarker(SCOPE.resyncing(), ObjectType.USER, null, true);
    assertThat(started.type()).isEqualTo("dev.o365connector.users.resync.started");
    assertThat(started.key()).isEqualTo("inst");
    assertThat(started.data().resync()).isTrue();
    assertThat(started.data().op()).isNull();
  }
}
