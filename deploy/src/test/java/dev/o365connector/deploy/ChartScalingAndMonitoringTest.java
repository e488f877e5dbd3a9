package dev.o365connector.deploy;

import static dev.o365connector.deploy.RenderedChart.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replicas, autoscaling, disruption budgets and Prometheus, as values.yaml documents them. */
class ChartScalingAndMonitoringTest {

  @Test
  void gatewayAndWorkerAutoscaleOnCpuByDefaultAuthServiceDoesNot() {
    RenderedChart chart = ChartRenders.defaults();

    for (String service : List.of(RepositoryFiles.GRAPH_GATEWAY, RepositoryFiles.SYNC_WORKER)) {
      HorizontalPodAutoscaler hpa = chart.get(HorizontalPodAutoscaler.class, nameOf(service));
      assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
      assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(nameOf(service));
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
      assertThat(hpa.getSpec().getMetrics())
          .singleElement()
          .satisfies(
              metric -> {
                assertThat(metric.getResource().getName()).isEqualTo("cpu");
                assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
              });
      // The HPA owns the replica count; a fixed one would fight it on every upgrade.
      assertThat(chart.deployment(service).getSpec().getReplicas()).isNull();
    }
    assertThat(chart.find(HorizontalPodAutoscaler.class, nameOf("auth-service"))).isEmpty();
    assertThat(chart.deployment(RepositoryFiles.AUTH_SERVICE).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void everyServiceWithTwoOrMoreReplicasHasADisruptionBudget() {
    RenderedChart chart = ChartRenders.defaults();

    for (String service : ChartEnvironmentTest.SERVICES) {
      PodDisruptionBudget budget = chart.get(PodDisruptionBudget.class, nameOf(service));
      assertThat(budget.getSpec().getMinAvailable().getIntVal()).isOne();
      assertThat(budget.getSpec().getSelector().getMatchLabels())
          .isEqualTo(chart.deployment(service).getSpec().getSelector().getMatchLabels());
    }
  }

  @Test
  void aSingleReplicaGetsNoBudgetThatWouldBlockDrains() {
    RenderedChart chart = ChartRenders.simulator();

    assertThat(chart.all(PodDisruptionBudget.class)).isEmpty();
    assertThat(chart.all(HorizontalPodAutoscaler.class)).isEmpty();
    assertThat(chart.all(Deployment.class))
        .allSatisfy(deployment -> assertThat(deployment.getSpec().getReplicas()).isOne());
  }

  @Test
  void productionRunsThreeReplicasOfEachService() {
    RenderedChart chart = ChartRenders.production();

    assertThat(chart.deployment(RepositoryFiles.AUTH_SERVICE).getSpec().getReplicas()).isEqualTo(3);
    assertThat(
            chart
                .get(PodDisruptionBudget.class, nameOf("auth-service"))
                .getSpec()
                .getMinAvailable()
                .getIntVal())
        .isEqualTo(2);
    for (String service : List.of(RepositoryFiles.GRAPH_GATEWAY, RepositoryFiles.SYNC_WORKER)) {
      assertThat(
              chart.get(HorizontalPodAutoscaler.class, nameOf(service)).getSpec().getMinReplicas())
          .isEqualTo(3);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theServiceMonitorScrapesTheThreeServicesMetrics() {
    RenderedChart chart = ChartRenders.production();
    GenericKubernetesResource monitor = chart.custom("ServiceMonitor").get(0);
    Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
    Map<String, Object> selector = (Map<String, Object>) spec.get("selector");
    List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");

    assertThat(chart.custom("ServiceMonitor")).hasSize(1);
    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    assertThat(endpoints)
        .singleElement()
        .satisfies(
            endpoint -> {
              assertThat(endpoint)
                  .containsEntry("port", "http")
                  .containsEntry("path", "/q/metrics");
            });
    // Each service's Service carries the labels the selector asks for.
    Map<String, String> matchLabels = (Map<String, String>) selector.get("matchLabels");
    List<Map<String, Object>> expressions =
        (List<Map<String, Object>>) selector.get("matchExpressions");
    assertThat(expressions)
        .singleElement()
        .satisfies(
            expression ->
                assertThat((List<String>) expression.get("values"))
                    .containsExactlyInAnyOrderElementsOf(ChartEnvironmentTest.SERVICES));
    for (String service : ChartEnvironmentTest.SERVICES) {
      assertThat(chart.service(service).getMetadata().getLabels())
          .containsAllEntriesOf(matchLabels)
          .containsEntry("app.kubernetes.io/component", service);
      assertThat(chart.service(service).getSpec().getPorts())
          .anyMatch(p -> p.getName().equals("http"));
    }
    assertThat(ChartRenders.defaults().custom("ServiceMonitor")).isEmpty();
  }
}
