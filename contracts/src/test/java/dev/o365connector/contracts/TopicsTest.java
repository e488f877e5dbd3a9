package dev.o365connector.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void eachResourceHasItsOwnChangeTopicNamedAfterIt() {
    assertThat(Arrays.stream(Resource.values()).map(Topics::changes))
        .containsExactly(
            "o365.changes.users",
            "o365.changes.mail",
            "o365.changes.calendar",
            "o365.changes.files");
  }

  @Test
  void defaultTopicsAreThoseOfTheDesign() {
    assertThat(
            new String[] {
              Topics.SYNC_REQUESTS,
              Topics.SYNC_REQUESTS_DLQ,
              Topics.SYNC_STATUS,
              Topics.INSTALLATIONS
            })
        .containsExactly(
            "o365.sync.requests",
            "o365.sync.requests.dlq",
            "o365.sync.status",
            "o365.installations");
  }
}
