package dev.o365connector.sync.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.resource.ResourceSync.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultTest {

  @Test
  void resourcesThatAllFinishedMakeASucceededRunWithTheirCounts() {
    RoundCounts users = new RoundCounts();
    users.requests(3);

    RunResult result =
        RunResult.of(
            List.of(
                new Outcome(Resource.USERS, users, null),
                new Outcome(Resource.MAIL, new RoundCounts(), null)));

    assertThat(result.state()).isEqualTo(SyncState.SUCCEEDED);
    assertThat(result.error()).isNull();
    assertThat(result.resync()).isFalse();
    assertThat(result.counts())
        .containsEntry(Resource.USERS, new ResourceCounts(0, 0, 0, 3, 0))
        .containsEntry(Resource.MAIL, new ResourceCounts(0, 0, 0, 0, 0));
  }

  @Test
  void oneFailedResourceFailsTheRunWithTheFirstCodeAndEveryMessage() {
    RunResult result =
        RunResult.of(
            List.of(
                new Outcome(Resource.MAIL, new RoundCounts(), new SyncError("http-503", "down")),
                new Outcome(Resource.CALENDAR, new RoundCounts(), null),
                new Outcome(
                    Resource.FILES, new RoundCounts(), new SyncError("Forbidden", "no drive"))));

    assertThat(result.state()).isEqualTo(SyncState.FAILED);
    assertThat(result.error()).isEqualTo(new SyncError("http-503", "mail: down; files: no drive"));
    assertThat(result.counts()).containsOnlyKeys(Resource.MAIL, Resource.CALENDAR, Resource.FILES);
  }
}
