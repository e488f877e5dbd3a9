package dev.o365connector.deploy;

import static dev.o365connector.deploy.RenderedChart.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Only the OAuth callback is public, through the Ingress; the internal APIs are reachable from the
 * release's own pods and the allowed namespaces only.
 */
class ChartNetworkTest {

  private static final Map<String, String> OWN_PODS =
      Map.of("app.kubernetes.io/name", "o365-connector", "app.kubernetes.io/instance", "o365");

  @Test
  void theIngressRoutesOnlyTheCallbackToAuthService() {
    RenderedChart chart = ChartRenders.production();
    Ingress ingress = chart.all(Ingress.class).get(0);

    assertThat(chart.all(Ingress.class)).hasSize(1);
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getDefaultBackend()).isNull();
    assertThat(ingress.getSpec().getRules())
        .singleElement()
        .satisfies(rule -> assertThat(rule.getHost()).isEqualTo("connector.example.com"));
    List<HTTPIngressPath> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();
    assertThat(paths)
        .singleElement()
        .satisfies(
            path -> {
              assertThat(path.getPath()).isEqualTo("/connector/callback");
              assertThat(path.getPathType()).isEqualTo("Exact");
              assertThat(path.getBackend().getService().getName())
                  .isEqualTo(nameOf("auth-service"));
              assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
    assertThat(ingress.getSpec().getTls())
        .singleElement()
        .satisfies(tls -> assertThat(tls.getHosts()).containsExactly("connector.example.com"));
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
  }

  @Test
  void theCallbackUrlIsTheIngressHosts() {
    RenderedChart chart = ChartRenders.production();

    assertThat(
            ContainerEnvironment.of(chart, chart.deployment(RepositoryFiles.AUTH_SERVICE))
                .value("O365_CALLBACK_URL"))
        .isEqualTo("https://connector.example.com/connector/callback");
  }

  @Test
  void internalApisAdmitOnlyOwnPodsAndAllowedNamespaces() {
    RenderedChart chart = ChartRenders.production();

    for (String service : ChartEnvironmentTest.SERVICES) {
      NetworkPolicy policy = chart.get(NetworkPolicy.class, nameOf(service));
      Set<String> namespaces = new TreeSet<>(List.of("platform", "platform-jobs", "monitoring"));
      if (service.equals(RepositoryFiles.AUTH_SERVICE)) {
        namespaces.add("ingress-nginx");
      }

      assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
      assertThat(policy.getSpec().getPodSelector().getMatchLabels())
          .containsEntry("app.kubernetes.io/component", service);
      assertThat(admittedNamespaces(policy)).as(service).isEqualTo(namespaces);
      assertThat(admittedPodSelectors(policy)).as(service).containsExactly(OWN_PODS);
      assertNoRuleAdmitsEveryone(policy);
    }
  }

  @Test
  void byDefaultNothingIsPublicAndOnlyOwnPodsGetIn() {
    RenderedChart chart = ChartRenders.defaults();

    assertThat(chart.all(Ingress.class)).isEmpty();
    assertThat(chart.all(NetworkPolicy.class)).hasSize(3);
    for (NetworkPolicy policy : chart.all(NetworkPolicy.class)) {
      assertThat(admittedNamespaces(policy)).isEmpty();
      assertThat(admittedPodSelectors(policy)).containsExactly(OWN_PODS);
      assertNoRuleAdmitsEveryone(policy);
    }
  }

  @Test
  void networkPoliciesCanBeLeftToThePlatform() {
    assertThat(
            RenderedChart.render(List.of(), Map.of("networkPolicy.enabled", false))
                .all(NetworkPolicy.class))
        .isEmpty();
  }

  /** Namespaces admitted by name (kubernetes.io/metadata.name), over all rules. */
  private static Set<String> admittedNamespaces(NetworkPolicy policy) {
    Set<String> names = new TreeSet<>();
    for (NetworkPolicyPeer peer : peers(policy)) {
      LabelSelector selector = peer.getNamespaceSelector();
      if (selector == null) {
        continue;
      }
      assertThat(peer.getPodSelector()).isNull();
      if (!isEmpty(selector.getMatchLabels())) {
        assertThat(selector.getMatchLabels()).containsOnlyKeys("kubernetes.io/metadata.name");
        names.addAll(selector.getMatchLabels().values());
      }
      if (!isEmpty(selector.getMatchExpressions())) {
        selector
            .getMatchExpressions()
            .forEach(
                expression -> {
                  assertThat(expression.getKey()).isEqualTo("kubernetes.io/metadata.name");
                  assertThat(expression.getOperator()).isEqualTo("In");
                  names.addAll(expression.getValues());
                });
      }
    }
    return names;
  }

  private static List<Map<String, String>> admittedPodSelectors(NetworkPolicy policy) {
    return peers(policy).stream()
        .filter(peer -> peer.getNamespaceSelector() == null)
        .map(peer -> peer.getPodSelector().getMatchLabels())
        .toList();
  }

  private static List<NetworkPolicyPeer> peers(NetworkPolicy policy) {
    List<NetworkPolicyPeer> peers = new ArrayList<>();
    policy.getSpec().getIngress().forEach(rule -> peers.addAll(rule.getFrom()));
    return peers;
  }

  private static boolean isEmpty(Object labelsOrExpressions) {
    return labelsOrExpressions == null
        || (labelsOrExpressions instanceof Map<?, ?> map && map.isEmpty())
        || (labelsOrExpressions instanceof List<?> list && list.isEmpty());
  }

  private static void assertNoRuleAdmitsEveryone(NetworkPolicy policy) {
    for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
      assertThat(rule.getFrom()).as("a rule without 'from' admits everyone").isNotEmpty();
      assertThat(rule.getPorts()).as("a rule without ports admits every port").isNotEmpty();
      for (NetworkPolicyPeer peer : rule.getFrom()) {
        assertThat(peer.getIpBlock()).isNull();
        LabelSelector selector =
            peer.getNamespaceSelector() != null
                ? peer.getNamespaceSelector()
                : peer.getPodSelector();
        assertThat(isEmpty(selector.getMatchLabels()) && isEmpty(selector.getMatchExpressions()))
            .as("an empty selector admits everything")
            .isFalse();
      }
    }
  }
}
