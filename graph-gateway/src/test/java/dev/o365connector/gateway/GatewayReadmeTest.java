package dev.o365connector.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.permission.GraphRouteCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's route table is the catalogue's, so the docs cannot drift from what is enforced. */
class GatewayReadmeTest {

  private static final String BEGIN = "<!-- routes:begin -->\n";
  private static final String END = "<!-- routes:end -->";

  @Test
  void routeTableMatchesTheCatalogue() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("README.md has the %s marker", BEGIN.trim()).isPositive();
    assertThat(readme.substring(begin + BEGIN.length(), end))
        .as("paste GraphRouteCatalogue.markdownTable() between the markers")
        .isEqualTo(GraphRouteCatalogue.markdownTable());
  }
}
