package dev.o365connector.contracts.token;

import static dev.o365connector.contracts.Examples.MAPPER;
import static dev.o365connector.contracts.Examples.json;
import static dev.o365connector.contracts.Examples.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.contracts.installation.InstallationType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON of auth-service's {@code POST /installations/{id}/access-token}, pinned by the example
 * payloads: auth-service writes these records and the gateway reads them (both with Quarkus'
 * Jackson, whose settings for them {@code ContractJson} shares), so a component renamed, retyped or
 * dropped here fails a test before either side sees the other's JSON change.
 */
class AccessTokenContractTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final Instant EXPIRES = Instant.parse("2025-01-31T10:30:00Z");

  @Test
  void delegatedAccessIsTheExamplePayloadBothWays() throws Exception {
    InstallationAccess access =
        new InstallationAccess(
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.delegated.signature",
            EXPIRES,
            TENANT,
            InstallationType.DELEGATED,
            List.of("User.Read.All", "Mail.Read", "Calendars.Read", "Files.Read"),
            "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    ObjectNode example = json("installation-access-delegated.json");

    assertThat(MAPPER.treeToValue(example, InstallationAccess.class)).isEqualTo(access);
    assertThat(tree(access)).isEqualTo(example);
  }

  @Test
  void applicationAccessHasNoUserIdOnTheWire() throws Exception {
    InstallationAccess access =
        new InstallationAccess(
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.application.signature",
            EXPIRES,
            TENANT,
            InstallationType.APPLICATION,
            List.of("User.Read.All", "Mail.Read", "Calendars.Read", "Files.Read.All"),
            null);
    ObjectNode example = json("installation-access-application.json");

    assertThat(MAPPER.treeToValue(example, InstallationAccess.class)).isEqualTo(access);
    assertThat(tree(access)).isEqualTo(example);
    assertThat(example.has("userId")).isFalse();
  }

  @Test
  void theExampleNamesExactlyTheRecordComponents() {
    assertThat(json("installation-access-delegated.json").fieldNames())
        .toIterable()
        .containsExactly(componentNames(InstallationAccess.class));
    assertThat(json("access-token-request.json").fieldNames())
        .toIterable()
        .containsExactly(componentNames(AccessTokenRequest.class));
  }

  @Test
  void aFieldAddedByANewerAuthServiceIsIgnored() throws Exception {
    ObjectNode example = json("installation-access-delegated.json");
    InstallationAccess known = MAPPER.treeToValue(example, InstallationAccess.class);
    example.put("scope", "https://graph.microsoft.com/.default");

    assertThat(MAPPER.treeToValue(example, InstallationAccess.class)).isEqualTo(known);
  }

  @Test
  void accessTokenRequestIsTheExamplePayloadBothWays() throws Exception {
    ObjectNode example = json("access-token-request.json");

    assertThat(MAPPER.treeToValue(example, AccessTokenRequest.class))
        .isEqualTo(new AccessTokenRequest(true));
    assertThat(tree(new AccessTokenRequest(true))).isEqualTo(example);
    assertThat(MAPPER.readValue("{}", AccessTokenRequest.class).forceRefresh()).isFalse();
  }

  @Test
  void theTokenNeverAppearsInToString() throws Exception {
    InstallationAccess access =
        MAPPER.treeToValue(json("installation-access-delegated.json"), InstallationAccess.class);

    assertThat(access.toString()).doesNotContain(access.accessToken()).contains("DELEGATED");
  }

  private static String[] componentNames(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(RecordComponent::getName)
        .toArray(String[]::new);
  }
}
