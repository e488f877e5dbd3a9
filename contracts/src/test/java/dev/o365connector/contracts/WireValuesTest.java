package dev.o365connector.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.o365connector.contracts.change.ObjectType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireValuesTest {

  @Test
  void resourcesAreLowercaseNames() throws Exception {
    assertThat(Examples.MAPPER.writeValueAsString(Resource.values()))
        .isEqualTo("[\"users\",\"mail\",\"calendar\",\"files\"]");
    assertThat(Examples.MAPPER.readValue("\"calendar\"", Resource.class))
        .isEqualTo(Resource.CALENDAR);
  }

  @Test
  void objectTypesAreGraphTypeNames() throws Exception {
    assertThat(Examples.MAPPER.writeValueAsString(ObjectType.values()))
        .isEqualTo(
            "[\"user\",\"message\",\"mailFolder\",\"event\",\"calendar\",\"calendarGroup\",\"driveItem\"]");
    assertThat(Examples.MAPPER.readValue("\"calendarGroup\"", ObjectType.class))
        .isEqualTo(ObjectType.CALENDAR_GROUP);
  }

  @Test
  void javaConstantNamesAreNotAcceptedOnTheWire() {
    assertThatThrownBy(() -> Examples.MAPPER.readValue("\"MAIL_FOLDER\"", ObjectType.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("unknown object type 'MAIL_FOLDER'");
  }

  @Test
  void fromValueInvertsValue() {
    assertThat(Arrays.stream(Resource.values()).map(r -> Resource.fromValue(r.value())))
        .containsExactly(Resource.values());
    assertThat(Arrays.stream(ObjectType.values()).map(t -> ObjectType.fromValue(t.value())))
        .containsExactly(ObjectType.values());
  }
}
