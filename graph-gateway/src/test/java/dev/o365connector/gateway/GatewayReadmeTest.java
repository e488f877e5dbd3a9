package dev.o365connector.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's route table is the catalogue's, and the classes it names as the owners of the
 * gateway's behaviours exist, so the docs cannot drift from the code.
 */
class GatewayReadmeTest {

  private static final String BEGIN = "<!-- routes:begin -->\n";
  private static final String END = "<!-- routes:end -->";
  private static final String OWNERS = "## Where each behaviour lives\n";

  /** {@code `package.Class`}, as the owners' table names a class of the gateway. */
  private static final Pattern CLASS = Pattern.compile("`([a-z]+)\\.([A-Z][A-Za-z]*)`");

  @Test
  void routeTableMatchesTheCatalogue() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("README.md has the %s marker", BEGIN.trim()).isPositive();
    assertThat(readme.substring(begin + BEGIN.length(), end))
        .as("paste RouteTable.markdown() between the markers")
        .isEqualTo(RouteTable.markdown());
  }

  @Test
  void everyClassNamedAsAnOwnerExists() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf(OWNERS);
    assertThat(begin).as("README.md has the section %s", OWNERS.trim()).isPositive();
    String section = readme.substring(begin, readme.indexOf("\n## ", begin + OWNERS.length()));
    List<Path> named = new ArrayList<>();
    Matcher matcher = CLASS.matcher(section);
    while (matcher.find()) {
      named.add(
          Path.of("src/main/java/dev/o365connector/gateway", matcher.group(1))
              .resolve(matcher.group(2) + ".java"));
    }

    assertThat(named).hasSizeGreaterThan(15).allSatisfy(file -> assertThat(file).isRegularFile());
  }
}
