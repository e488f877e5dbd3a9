package dev.o365connector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ChartLintTest {

  @Test
  void helmLintStrictFindsNothing() {
    LintResult result = new Helm(RepositoryFiles.chart()).lint().strict().call();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages())
        .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
  }

  @Test
  void imagesDefaultToTheVersionTheBuildProduces() throws IOException {
    JsonNode chart =
        new ObjectMapper(new YAMLFactory())
            .readTree(RepositoryFiles.chartFile("Chart.yaml").toFile());

    assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");
    assertThat(chart.path("appVersion").asText()).isEqualTo(System.getProperty("project.version"));
    assertThat(
            RenderedChart.withDefaults()
                .deployment(RepositoryFiles.AUTH_SERVICE)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("o365-connector/auth-service:" + System.getProperty("project.version"));
  }
}
