package dev.o365connector.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The environment a rendered container starts with: its {@code env} entries and the keys of the
 * ConfigMaps it loads with {@code envFrom}, each with where its value comes from. Later entries
 * win, as in Kubernetes ({@code env} over {@code envFrom}).
 */
final class ContainerEnvironment {

  /** Where one variable's value comes from. */
  sealed interface Source {}

  /** A literal value, from {@code env[].value} or a ConfigMap key. */
  record Literal(String value) implements Source {}

  /** {@code env[].valueFrom.secretKeyRef}. */
  record SecretKey(String secret, String key, boolean optional) implements Source {}

  /** A reference the chart should not render: a ConfigMap key that does not exist, etc. */
  record Unresolved(String reason) implements Source {}

  private final Map<String, Source> variables = new LinkedHashMap<>();

  private ContainerEnvironment() {}

  /** The environment of the deployment's only container. */
  static ContainerEnvironment of(RenderedChart chart, Deployment deployment) {
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    ContainerEnvironment environment = new ContainerEnvironment();
    if (container.getEnvFrom() != null) {
      for (EnvFromSource from : container.getEnvFrom()) {
        String name = from.getConfigMapRef().getName();
        Map<String, String> data =
            chart
                .configMapData(name)
                .orElseThrow(() -> new AssertionError("envFrom names missing ConfigMap " + name));
        data.forEach((key, value) -> environment.variables.put(key, new Literal(value)));
      }
    }
    if (container.getEnv() != null) {
      for (EnvVar variable : container.getEnv()) {
        environment.variables.put(variable.getName(), sourceOf(chart, variable));
      }
    }
    return environment;
  }

  private static Source sourceOf(RenderedChart chart, EnvVar variable) {
    if (variable.getValueFrom() == null) {
      return new Literal(variable.getValue() == null ? "" : variable.getValue());
    }
    SecretKeySelector secret = variable.getValueFrom().getSecretKeyRef();
    if (secret != null) {
      return new SecretKey(
          secret.getName(), secret.getKey(), Boolean.TRUE.equals(secret.getOptional()));
    }
    if (variable.getValueFrom().getConfigMapKeyRef() != null) {
      var ref = variable.getValueFrom().getConfigMapKeyRef();
      return chart
          .configMapData(ref.getName())
          .map(data -> data.get(ref.getKey()))
          .<Source>map(Literal::new)
          .orElse(new Unresolved("ConfigMap key " + ref.getName() + "/" + ref.getKey()));
    }
    return new Unresolved("valueFrom " + variable.getValueFrom());
  }

  Set<String> names() {
    return variables.keySet();
  }

  Optional<Source> source(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** The literal value of a variable; fails when it is absent or comes from a Secret. */
  String value(String name) {
    Source source = variables.get(name);
    if (source instanceof Literal literal) {
      return literal.value();
    }
    throw new AssertionError(name + " is not a literal value but " + source);
  }

  /** The Secret key a variable comes from; fails when it is not from a Secret. */
  SecretKey secretKey(String name) {
    Source source = variables.get(name);
    if (source instanceof SecretKey key) {
      return key;
    }
    throw new AssertionError(name + " does not come from a Secret but " + source);
  }

  Map<String, Source> asMap() {
    return Map.copyOf(variables);
  }
}
