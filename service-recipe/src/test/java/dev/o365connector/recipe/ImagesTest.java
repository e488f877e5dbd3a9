package dev.o365connector.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImagesTest {

  @Test
  void theDefaultImagesAreTheParentPomsUpstreamOnes() {
    assertThat(Images.upstreamKafka())
        .isEqualTo(System.getProperty("kafka.image"))
        .startsWith("apache/kafka:");
    assertThat(Images.upstreamPostgres())
        .isEqualTo(System.getProperty("postgres.image"))
        .startsWith("postgres:");
  }

  @Test
  void aVariableChoosesAnotherImageElseTheUpstreamOneRuns() {
    assertThat(Images.kafka())
        .isEqualTo(configured(Images.KAFKA_VARIABLE, System.getProperty("kafka.image")));
    assertThat(Images.postgres())
        .isEqualTo(configured(Images.POSTGRES_VARIABLE, System.getProperty("postgres.image")));
  }

  @Test
  void theConnectorsImagesAreTaggedWithTheProjectVersion() {
    String version = System.getProperty("project.version");

    assertThat(Images.version()).isEqualTo(version).doesNotContain("${");
    assertThat(Service.SYNC_WORKER.image(version))
        .isEqualTo("o365-connector/sync-worker:" + version);
  }

  private static String configured(String variable, String otherwise) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
