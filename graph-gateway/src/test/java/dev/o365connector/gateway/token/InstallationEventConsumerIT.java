package dev.o365connector.gateway.token;

import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Topics;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstallationEventConsumerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject AccessTokenCache cache;

  private final KafkaTestClient kafka = KafkaTestClient.shared();

  @Test
  void uninstallEventEvictsTheCachedToken() {
    String id = cachedInstallation();

    kafka.send(Topics.INSTALLATIONS, id, event(id, "UNINSTALLED"));

    await().atMost(WAIT).until(() -> cache.get(id).isEmpty());
  }

  @Test
  void activeEventKeepsTheTokenAndBadEventsDoNotStopTheConsumer() {
    String kept = cachedInstallation();
    String revoked = cachedInstallation();

    kafka.send(Topics.INSTALLATIONS, kept, event(kept, "ACTIVE"));
    kafka.send(Topics.INSTALLATIONS, kept, "{not json");
    kafka.send(Topics.INSTALLATIONS, kept, "{\"installationId\":\"" + kept + "\"}");
    // Same key, same partition: once this one is handled, the three before it were too.
    kafka.send(Topics.INSTALLATIONS, kept, event(revoked, "REAUTH_REQUIRED"));

    await().atMost(WAIT).until(() -> cache.get(revoked).isEmpty());
    await().during(Duration.ofMillis(200)).until(() -> cache.get(kept).isPresent());
  }

  private String cachedInstallation() {
    String id = UUID.randomUUID().toString();
    cache.put(
        id,
        InstallationAccessFixtures.access("token-" + id, Instant.now().plus(Duration.ofHours(1))));
    return id;
  }

  private static String event(String installationId, String status) {
    return """
        {"installationId":"%s","accountId":"acc","tenantId":"t","type":"DELEGATED",\
        "status":"%s","grantedPermissions":["Mail.Read"],"occurredAt":"2026-11-26T10:00:00Z"}"""
        .formatted(installationId, status);
  }
}
