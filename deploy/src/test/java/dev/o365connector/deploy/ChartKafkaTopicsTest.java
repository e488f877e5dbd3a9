package dev.o365connector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Topics;
import dev.o365connector.recipe.ServiceProperties;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Strimzi KafkaTopics for every topic the services use, compacted where consumers need it. */
class ChartKafkaTopicsTest {

  private static Map<String, GenericKubernetesResource> topicsByName(RenderedChart chart) {
    return chart.custom("KafkaTopic").stream()
        .collect(
            Collectors.toMap(topic -> (String) spec(topic).get("topicName"), Function.identity()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource topic) {
    return (Map<String, Object>) topic.getAdditionalProperties().get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> config(GenericKubernetesResource topic) {
    return (Map<String, Object>) spec(topic).get("config");
  }

  /** Topics.ALL and whatever topic a service's channels name (dead-letter topics included). */
  private static Set<String> topicsTheServicesUse() {
    Set<String> topics = new TreeSet<>(Topics.ALL);
    for (String service : ChartEnvironmentTest.SERVICES) {
      topics.addAll(ServiceProperties.of(RepositoryFiles.module(service)).topics());
    }
    return topics;
  }

  @Test
  void everyTopicTheServicesUseHasAKafkaTopic() {
    Map<String, GenericKubernetesResource> topics = topicsByName(ChartRenders.production());

    assertThat(ServiceProperties.of(RepositoryFiles.module(RepositoryFiles.SYNC_WORKER)).topics())
        .contains(Topics.SYNC_REQUESTS_DLQ);
    assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(topicsTheServicesUse());
    for (GenericKubernetesResource topic : topics.values()) {
      assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
      assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "o365-kafka");
      assertThat(topic.getMetadata().getNamespace()).isEqualTo("kafka");
      assertThat(topic.getMetadata().getAnnotations())
          .containsEntry("helm.sh/resource-policy", "keep");
      assertThat(((Number) spec(topic).get("partitions")).intValue()).isPositive();
      assertThat(((Number) spec(topic).get("replicas")).intValue()).isEqualTo(3);
    }
  }

  @Test
  void changeTopicsAndInstallationsAreCompactedTheOthersExpire() {
    Map<String, GenericKubernetesResource> topics = topicsByName(ChartRenders.production());
    Set<String> compacted =
        Arrays.stream(Resource.values()).map(Topics::changes).collect(Collectors.toSet());
    compacted.add(Topics.INSTALLATIONS);

    topics.forEach(
        (name, topic) -> {
          if (compacted.contains(name)) {
            assertThat(config(topic)).as(name).containsEntry("cleanup.policy", "compact");
          } else {
            assertThat(config(topic)).as(name).containsEntry("cleanup.policy", "delete");
            assertThat(config(topic)).as(name).containsKey("retention.ms");
          }
        });
    // Tombstones must stay readable long enough for consumers to see the deletes.
    for (Resource resource : Resource.values()) {
      assertThat(config(topics.get(Topics.changes(resource)))).containsKey("delete.retention.ms");
    }
  }

  @Test
  void noTopicsUnlessAskedFor() {
    assertThat(ChartRenders.defaults().custom("KafkaTopic")).isEmpty();
  }

  @Test
  void aTopicsReplicasFollowTheSharedDefault() {
    assertThat(topicsByName(ChartRenders.simulator()).values())
        .allSatisfy(topic -> assertThat(((Number) spec(topic).get("replicas")).intValue()).isOne());
  }
}
