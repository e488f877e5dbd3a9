package dev.o365connector.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's mapping that extends the parts binds their keys under its prefix. */
class ConnectionMappingTest {

  @ConfigMapping(prefix = "o365.connections")
  public interface KafkaAndDatabase extends KafkaConnection, DatabaseConnection {}

  @ConfigMapping(prefix = "o365.connections")
  public interface KafkaOnly extends KafkaConnection {}

  @Test
  void theInheritedKeysAreBound() {
    KafkaAndDatabase connections =
        config(
                Map.of(
                    "o365.connections.kafka", "broker:9092",
                    "o365.connections.database", "postgresql://db:5432/auth",
                    "o365.connections.database-user", "auth"),
                KafkaAndDatabase.class)
            .getConfigMapping(KafkaAndDatabase.class);

    assertThat(connections.kafka()).isEqualTo("broker:9092");
    assertThat(connections.database()).isEqualTo("postgresql://db:5432/auth");
    assertThat(connections.databaseUser()).isEqualTo("auth");
    assertThat(connections.databasePassword()).isEmpty();
  }

  @Test
  void aServiceIsCheckedOnlyForThePartsItExtends() {
    assertThat(
            config(Map.of("o365.connections.kafka", "broker:9092"), KafkaOnly.class)
                .getConfigMapping(KafkaOnly.class)
                .kafka())
        .isEqualTo("broker:9092");
    assertThatThrownBy(
            () -> config(Map.of("o365.connections.kafka", "broker:9092"), KafkaAndDatabase.class))
        .hasMessageContaining("o365.connections.database");
  }

  private static SmallRyeConfig config(Map<String, String> properties, Class<?> mapping) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .withMapping(mapping)
        .build();
  }
}
