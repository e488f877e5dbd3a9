package dev.o365connector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.deploy.ChartRenders.Render;
import dev.o365connector.recipe.ServiceProperties;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every pod the chart runs must have, whatever the values. */
class ChartWorkloadTest {

  static List<Render> renders() {
    return ChartRenders.all();
  }

  @ParameterizedTest
  @MethodSource("renders")
  void everyContainerHasThreeHttpProbesOnItsPort(Render render) {
    SoftAssertions softly = new SoftAssertions();
    for (Deployment deployment : render.chart().all(Deployment.class)) {
      boolean quarkus = !component(deployment).equals(RepositoryFiles.GRAPH_SIMULATOR);
      for (Container container : containers(deployment)) {
        String where = deployment.getMetadata().getName() + "/" + container.getName();
        expectProbe(softly, where, "startup", container.getStartupProbe(), quarkus, "started");
        expectProbe(softly, where, "liveness", container.getLivenessProbe(), quarkus, "live");
        expectProbe(softly, where, "readiness", container.getReadinessProbe(), quarkus, "ready");
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @MethodSource("renders")
  void everyContainerHasResourceRequestsAndLimits(Render render) {
    for (Deployment deployment : render.chart().all(Deployment.class)) {
      for (Container container : containers(deployment)) {
        assertThat(container.getResources().getRequests())
            .as(deployment.getMetadata().getName() + " requests")
            .containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits())
            .as(deployment.getMetadata().getName() + " limits")
            .containsKeys("cpu", "memory");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("renders")
  void everyPodRunsLockedDownAsTheQuarkusUser(Render render) {
    SoftAssertions softly = new SoftAssertions();
    for (Deployment deployment : render.chart().all(Deployment.class)) {
      String name = deployment.getMetadata().getName();
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      softly.assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
      softly.assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isEqualTo(185L);
      softly
          .assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .as(name)
          .isEqualTo("RuntimeDefault");
      softly.assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
      for (Container container : pod.getContainers()) {
        SecurityContext context = container.getSecurityContext();
        softly.assertThat(context.getRunAsNonRoot()).as(name).isTrue();
        softly.assertThat(context.getRunAsUser()).as(name).isEqualTo(185L);
        softly.assertThat(context.getReadOnlyRootFilesystem()).as(name).isTrue();
        softly.assertThat(context.getAllowPrivilegeEscalation()).as(name).isFalse();
        softly.assertThat(context.getCapabilities().getDrop()).as(name).containsExactly("ALL");
        softly.assertThat(context.getCapabilities().getAdd()).as(name).isNullOrEmpty();
        softly
            .assertThat(context.getSeccompProfile().getType())
            .as(name)
            .isEqualTo("RuntimeDefault");
        // The read-only root filesystem needs a writable /tmp.
        String tmpVolume =
            container.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals("/tmp"))
                .map(mount -> mount.getName())
                .findFirst()
                .orElse("(none)");
        softly
            .assertThat(pod.getVolumes())
            .as(name + " /tmp")
            .anyMatch(volume -> volume.getName().equals(tmpVolume) && isEmptyDir(volume));
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @MethodSource("renders")
  void serviceAccountsCarryNoApiToken(Render render) {
    List<ServiceAccount> accounts = render.chart().all(ServiceAccount.class);

    assertThat(accounts).hasSameSizeAs(render.chart().all(Deployment.class));
    assertThat(accounts)
        .allMatch(account -> Boolean.FALSE.equals(account.getAutomountServiceAccountToken()));
    for (Deployment deployment : render.chart().all(Deployment.class)) {
      assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
          .isEqualTo(deployment.getMetadata().getName());
    }
  }

  @ParameterizedTest
  @MethodSource("renders")
  void eachServiceListensOnItsConfiguredPortBehindAClusterIpService(Render render) {
    for (Deployment deployment : render.chart().all(Deployment.class)) {
      String component = component(deployment);
      int port =
          component.equals(RepositoryFiles.GRAPH_SIMULATOR)
              ? 8089
              : ServiceProperties.of(RepositoryFiles.module(component)).httpPort();
      Container container = containers(deployment).get(0);
      Service service = render.chart().service(component);
      ServicePort servicePort = service.getSpec().getPorts().get(0);

      assertThat(container.getPorts())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.getContainerPort()).isEqualTo(port);
                assertThat(p.getName()).isEqualTo("http");
              });
      assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
      assertThat(service.getSpec().getSelector())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(servicePort.getTargetPort().getStrVal()).isEqualTo("http");
      assertThat(servicePort.getPort()).isEqualTo(render.values().servicePort(component));
    }
  }

  @ParameterizedTest
  @MethodSource("renders")
  void servicePodsAreAnnotatedForPrometheus(Render render) {
    for (String component :
        List.of(
            RepositoryFiles.AUTH_SERVICE,
            RepositoryFiles.GRAPH_GATEWAY,
            RepositoryFiles.SYNC_WORKER)) {
      var annotations =
          render
              .chart()
              .deployment(component)
              .getSpec()
              .getTemplate()
              .getMetadata()
              .getAnnotations();

      assertThat(annotations)
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/path", "/q/metrics")
          .containsEntry(
              "prometheus.io/port",
              String.valueOf(ServiceProperties.of(RepositoryFiles.module(component)).httpPort()));
    }
  }

  static String component(Deployment deployment) {
    return deployment.getMetadata().getLabels().get("app.kubernetes.io/component");
  }

  private static List<Container> containers(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers();
  }

  private static boolean isEmptyDir(Volume volume) {
    return volume.getEmptyDir() != null;
  }

  private static void expectProbe(
      SoftAssertions softly,
      String where,
      String kind,
      Probe probe,
      boolean quarkus,
      String health) {
    softly.assertThat(probe).as(where + " " + kind + " probe").isNotNull();
    if (probe == null) {
      return;
    }
    softly.assertThat(probe.getHttpGet()).as(where + " " + kind + " probe is HTTP").isNotNull();
    if (probe.getHttpGet() == null) {
      return;
    }
    softly
        .assertThat(probe.getHttpGet().getPort().getStrVal())
        .as(where + " " + kind)
        .isEqualTo("http");
    if (quarkus) {
      softly
          .assertThat(probe.getHttpGet().getPath())
          .as(where + " " + kind)
          .isEqualTo("/q/health/" + health);
    }
  }
}
