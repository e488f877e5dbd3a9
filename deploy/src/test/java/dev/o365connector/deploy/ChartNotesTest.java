package dev.o365connector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What `helm install` prints afterwards: the next steps, and what is still missing. */
class ChartNotesTest {

  /** The notes of a client-only dry-run install (no cluster needed). */
  static String notes(Path valuesFile) {
    InstallCommand install =
        new Helm(RepositoryFiles.chart())
            .install()
            .withName(RenderedChart.RELEASE)
            .withNamespace(RenderedChart.NAMESPACE)
            .withKubeVersion(RenderedChart.KUBERNETES_VERSION)
            .dryRun()
            .clientOnly();
    if (valuesFile != null) {
      install.withValuesFile(valuesFile);
    }
    String output = install.call().getOutput();
    return output.substring(output.indexOf("NOTES:"));
  }

  @Test
  void withoutValuesTheNotesListWhatIsMissing() {
    String notes = notes(null);

    assertThat(notes)
        .contains("NOT READY")
        .contains("platform.issuer")
        .contains("entra.clientId")
        .contains("tokenKeyset.keyset or tokenKeyset.existingSecret")
        .contains("authService.database.password or .existingSecret");
  }

  @Test
  void productionNotesNameTheRedirectUriToRegisterInEntra() {
    String notes = notes(RepositoryFiles.chartFile(ChartRenders.PRODUCTION_VALUES));

    assertThat(notes)
        .doesNotContain("NOT READY")
        .contains("https://connector.example.com/connector/callback")
        .contains("Files.Read.All")
        .contains("tokens.issue");
  }

  @Test
  void simulatorNotesExplainHowToReachIt() {
    String notes = notes(RepositoryFiles.chartFile(ChartRenders.SIMULATOR_VALUES));

    assertThat(notes).doesNotContain("NOT READY").contains("port-forward").contains("/_sim/info");
  }
}
