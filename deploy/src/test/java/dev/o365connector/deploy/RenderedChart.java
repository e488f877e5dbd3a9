package dev.o365connector.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The chart rendered by Helm's own engine ({@code helm template}), each document parsed into its
 * typed fabric8 model; custom resources (KafkaTopic, ServiceMonitor) stay generic.
 */
final class RenderedChart {

  static final String RELEASE = "o365";
  static final String NAMESPACE = "connector";

  /** Helm's engine assumes Kubernetes 1.20 without a cluster; the chart needs 1.25 or newer. */
  static final String KUBERNETES_VERSION = "1.31.0";

  /** Prefix of every resource name for release {@value #RELEASE}: {@code <release>-<chart>}. */
  static final String FULLNAME = RELEASE + "-o365-connector";

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final List<HasMetadata> resources;

  private RenderedChart(List<HasMetadata> resources) {
    this.resources = List.copyOf(resources);
  }

  /** {@code helm template} with the chart's values.yaml alone. */
  static RenderedChart withDefaults() {
    return render(List.of(), Map.of());
  }

  /** {@code helm template -f <file>} for a file under the chart directory, e.g. {@code ci/...}. */
  static RenderedChart withValuesFile(String chartRelativePath) {
    return render(List.of(RepositoryFiles.chartFile(chartRelativePath)), Map.of());
  }

  /** {@code helm template -f <files...> --set key=value...}. */
  static RenderedChart render(List<Path> valuesFiles, Map<String, Object> sets) {
    TemplateCommand template =
        new Helm(RepositoryFiles.chart())
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBERNETES_VERSION);
    valuesFiles.forEach(template::withValuesFile);
    sets.forEach(template::set);
    return parse(template.call());
  }

  static RenderedChart parse(String manifests) {
    List<HasMetadata> parsed = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(manifests)) {
      if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      Object resource = SERIALIZATION.unmarshal(document);
      if (!(resource instanceof HasMetadata typed)) {
        throw new IllegalStateException("Not a Kubernetes resource:\n" + document);
      }
      parsed.add(typed);
    }
    return new RenderedChart(parsed);
  }

  /** Name of a component's resources, e.g. {@code o365-o365-connector-auth-service}. */
  static String nameOf(String component) {
    return FULLNAME + "-" + component;
  }

  List<HasMetadata> all() {
    return resources;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Custom resources of a kind, e.g. {@code KafkaTopic}. */
  List<GenericKubernetesResource> custom(String kind) {
    return all(GenericKubernetesResource.class).stream()
        .filter(resource -> kind.equals(resource.getKind()))
        .toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
  }

  <T extends HasMetadata> T get(Class<T> type, String name) {
    return find(type, name)
        .orElseThrow(
            () ->
                new AssertionError(
                    type.getSimpleName() + " " + name + " not rendered; rendered: " + names()));
  }

  Deployment deployment(String component) {
    return get(Deployment.class, nameOf(component));
  }

  Service service(String component) {
    return get(Service.class, nameOf(component));
  }

  Set<String> secretNames() {
    return all(Secret.class).stream()
        .map(secret -> secret.getMetadata().getName())
        .collect(Collectors.toSet());
  }

  /** The data of a rendered ConfigMap, or empty when there is none of that name. */
  Optional<Map<String, String>> configMapData(String name) {
    return find(ConfigMap.class, name)
        .map(map -> map.getData() == null ? Map.of() : new LinkedHashMap<>(map.getData()));
  }

  /** A key of a rendered Secret ({@code stringData} as helm writes it), if both exist. */
  Optional<String> secretValue(String name, String key) {
    return find(Secret.class, name)
        .map(
            secret ->
                secret.getStringData() != null && secret.getStringData().containsKey(key)
                    ? secret.getStringData().get(key)
                    : null);
  }

  /** Every resource with label {@code app.kubernetes.io/component} = {@code component}. */
  List<HasMetadata> ofComponent(String component) {
    return resources.stream()
        .filter(
            r ->
                r.getMetadata().getLabels() != null
                    && component.equals(
                        r.getMetadata().getLabels().get("app.kubernetes.io/component")))
        .toList();
  }

  /** {@code Kind/name} of every resource, for failure messages. */
  List<String> names() {
    return resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList();
  }
}
