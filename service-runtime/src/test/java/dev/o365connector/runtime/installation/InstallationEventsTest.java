package dev.o365connector.runtime.installation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.validation.ContractValidator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InstallationEventsTest {

  private final InstallationEvents events = new InstallationEvents(new ContractValidator());

  @Test
  void aValidEventIsRead() {
    assertThat(events.read(event("inst-1", "ACTIVE")))
        .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(InstallationStatus.ACTIVE));
  }

  @Test
  void anInvalidRecordIsSkipped() {
    assertThat(events.read(bytes("{not json"))).isEmpty();
    assertThat(events.read(bytes("{\"installationId\":\"inst-1\"}"))).isEmpty();
    assertThat(events.read(null)).isEmpty();
  }

  @Test
  void onlyAnInstallationNoLongerActiveIsToActOn() {
    assertThat(events.noLongerActive(event("inst-1", "ACTIVE"))).isEmpty();
    assertThat(events.noLongerActive(event("inst-2", "UNINSTALLED")))
        .hasValueSatisfying(e -> assertThat(e.installationId()).isEqualTo("inst-2"));
    assertThat(events.noLongerActive(event("inst-3", "REAUTH_REQUIRED"))).isPresent();
    assertThat(events.noLongerActive(bytes("{not json"))).isEmpty();
  }

  private static byte[] event(String installationId, String status) {
    return bytes(
        """
        {"installationId":"%s","accountId":"acc","tenantId":"t","type":"DELEGATED",\
        "status":"%s","grantedPermissions":["Mail.Read"],"occurredAt":"2026-11-26T10:00:00Z"}"""
            .formatted(installationId, status));
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
