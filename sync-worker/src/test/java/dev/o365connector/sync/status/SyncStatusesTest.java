package dev.o365connector.sync.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.contracts.sync.SyncStatus;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncStatusesTest {

  private static final Instant ACCEPTED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant STARTED = Instant.parse("2026-03-01T10:00:02Z");
  private static final Instant NOW = Instant.parse("2026-03-01T10:05:00Z");
  private static final RunRef RUN = new RunRef("req-1", "inst-1", ACCEPTED, STARTED);
  private static final Map<Resource, ResourceCounts> COUNTS =
      Map.of(Resource.MAIL, new ResourceCounts(3, 1, 2, 4, 0));

  private final SyncStatuses statuses = new SyncStatuses(Clock.fixed(NOW, ZoneOffset.UTC));
  private final ContractValidator validator = new ContractValidator();

  @Test
  void acceptedCarriesWhenTheRunWasPersistedAndNothingElse() {
    SyncStatus status = statuses.accepted("req-1", "inst-1", ACCEPTED);

    assertThat(status)
        .isEqualTo(
            new SyncStatus(
                "req-1",
                "inst-1",
                SyncState.ACCEPTED,
                Map.of(),
                false,
                null,
                ACCEPTED,
                null,
                null,
                NOW));
    assertValid(status);
  }

  @Test
  void rejectedIsFinalWithItsReasonAndWasNeverAccepted() {
    SyncError why = new SyncError("unknown-installation", "no installation inst-1");

    SyncStatus status = statuses.rejected("req-1", "inst-1", why);

    assertThat(status)
        .isEqualTo(
            new SyncStatus(
                "req-1", "inst-1", SyncState.REJECTED, Map.of(), false, why, null, null, NOW, NOW));
    assertValid(status);
  }

  @Test
  void runningCarriesTheCountsSoFarAndIsNotFinished() {
    SyncStatus status = statuses.running(RUN, COUNTS);

    assertThat(status)
        .isEqualTo(
            new SyncStatus(
                "req-1",
                "inst-1",
                SyncState.RUNNING,
                COUNTS,
                false,
                null,
                ACCEPTED,
                STARTED,
                null,
                NOW));
    assertValid(status);
  }

  @Test
  void aRunWithoutAnErrorSucceededAndFinishedNow() {
    SyncStatus status = statuses.ended(RUN, COUNTS, true, null);

    assertThat(status)
        .isEqualTo(
            new SyncStatus(
                "req-1",
                "inst-1",
                SyncState.SUCCEEDED,
                COUNTS,
                true,
                null,
                ACCEPTED,
                STARTED,
                NOW,
                NOW));
    assertValid(status);
  }

  @Test
  void aRunWithAnErrorFailed() {
    SyncError why =
        new SyncError("installation-uninstalled", "the installation became UNINSTALLED");

    SyncStatus status =
        statuses.ended(new RunRef("req-1", "inst-1", ACCEPTED, null), Map.of(), false, why);

    assertThat(status)
        .isEqualTo(
            new SyncStatus(
                "req-1",
                "inst-1",
                SyncState.FAILED,
                Map.of(),
                false,
                why,
                ACCEPTED,
                null,
                NOW,
                NOW));
    assertValid(status);
  }

  /** What is published must be what consumers accept (docs/events.md, "SyncStatus"). */
  private void assertValid(SyncStatus status) {
    assertThat(validator.requireValid(ContractSchema.SYNC_STATUS, status)).isNotNull();
  }
}
