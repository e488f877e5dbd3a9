package dev.o365connector.testcontainers;

import static dev.o365connector.testcontainers.ConnectorService.GRAPH_SIMULATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

/**
 * Each module's {@code src/main/docker/Dockerfile.jvm} against what {@code ./mvnw package} left in
 * its {@code target/}: the files the image would hold, who runs them, on which port, from which
 * base image, and that the Jib configuration builds the same. Runs after the services are packaged
 * (this module depends on them), without a Docker engine.
 */
class ImageDockerfilesTest {

  private static final String USER = "185";

  private static Dockerfile dockerfile(ConnectorService service) {
    return Dockerfile.read(ModuleFiles.of(service).resolve("src/main/docker/Dockerfile.jvm"));
  }

  @ParameterizedTest
  @EnumSource(ConnectorService.class)
  void everyCopySourceIsInThePackagedOutputAndSentToTheBuilder(ConnectorService service) {
    Map<String, Path> image = imageFiles(service);

    assertThat(image).isNotEmpty();
    DockerIgnore ignore = DockerIgnore.read(ModuleFiles.of(service).resolve(".dockerignore"));
    Path module = ModuleFiles.of(service).directory();
    for (Path file : image.values()) {
      String relative = module.relativize(file).toString().replace('\\', '/');
      assertThat(ignore.sends(relative)).as(".dockerignore keeps " + relative).isTrue();
    }
    assertThat(ignore.sends("src/main/java/Anything.java")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ConnectorService.class)
  void theImageHoldsTheJarItRunsAndEverythingOnItsClassPath(ConnectorService service)
      throws IOException {
    Map<String, Path> image = imageFiles(service);
    String jar = dockerfile(service).environment().get("JAVA_APP_JAR");

    assertThat(jar).isNotNull();
    assertThat(image).containsKey(jar);
    Manifest manifest;
    try (JarFile file = new JarFile(image.get(jar).toFile())) {
      manifest = file.getManifest();
    }
    String classPath = manifest.getMainAttributes().getValue("Class-Path");
    assertThat(classPath).isNotBlank();
    String directory = jar.substring(0, jar.lastIndexOf('/') + 1);
    for (String entry : classPath.strip().split("\\s+")) {
      assertThat(image).as("Class-Path entry " + entry).containsKey(directory + entry);
    }
    if (service == GRAPH_SIMULATOR) {
      assertThat(manifest.getMainAttributes().getValue("Main-Class"))
          .isEqualTo(simulatorJib("container/mainClass"));
    } else {
      assertThat(image).containsKey("/deployments/quarkus/quarkus-application.dat");
    }
  }

  @ParameterizedTest
  @EnumSource(ConnectorService.class)
  void runsAsTheNonRootUserThatOwnsTheFiles(ConnectorService service) {
    Dockerfile dockerfile = dockerfile(service);

    assertThat(dockerfile.last("USER")).isEqualTo(USER).isNotIn("0", "root");
    assertThat(dockerfile.copies())
        .isNotEmpty()
        .allSatisfy(copy -> assertThat(copy.flags()).containsEntry("chown", USER));
  }

  @ParameterizedTest
  @EnumSource(ConnectorService.class)
  void exposesThePortTheServiceListensOn(ConnectorService service) {
    Dockerfile dockerfile = dockerfile(service);

    assertThat(dockerfile.all("EXPOSE")).containsExactly(Integer.toString(service.port()));
    if (service == GRAPH_SIMULATOR) {
      assertThat(dockerfile.execForm("CMD")).containsExactly("--port=" + service.port());
      assertThat(simulatorJib("container/ports/port")).isEqualTo(Integer.toString(service.port()));
      assertThat(simulatorJib("container/args/arg")).isEqualTo("--port=" + service.port());
    } else {
      assertThat(ModuleFiles.of(service).properties().property("quarkus.http.port"))
          .isEqualTo(Integer.toString(service.port()));
    }
    assertThat(dockerfile.execForm("ENTRYPOINT"))
        .containsExactly("/opt/jboss/container/java/run/run-java.sh");
  }

  @ParameterizedTest
  @EnumSource(ConnectorService.class)
  void dockerfileAndJibBuildTheSameImageOnTheSameBase(ConnectorService service) {
    Dockerfile dockerfile = dockerfile(service);
    String from = dockerfile.baseImage();

    // The base is a build argument (machines without a registry build on a local one); by default
    // it is upstream's, the one Jib uses.
    assertThat(dockerfile.last("FROM")).isEqualTo("${BASE_IMAGE}");
    assertThat(from)
        .isEqualTo(dockerfile(ConnectorService.AUTH_SERVICE).baseImage())
        .startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:");
    if (service == GRAPH_SIMULATOR) {
      assertThat(simulatorJib("from/image")).isEqualTo(from);
      assertThat(simulatorJib("to/image")).isEqualTo(service.defaultImage("${project.version}"));
      assertThat(simulatorJib("container/user")).isEqualTo(USER);
    } else {
      ModuleFiles module = ModuleFiles.of(service);
      assertThat(module.properties().property("quarkus.jib.base-jvm-image")).isEqualTo(from);
      assertThat(module.properties().property("quarkus.jib.user")).isEqualTo(USER);
      assertThat(module.properties().property("quarkus.container-image.build")).isEqualTo("false");
      assertThat(
              module.properties().property("quarkus.container-image.group")
                  + "/"
                  + module.properties().property("quarkus.container-image.name")
                  + ":"
                  + module.properties().property("quarkus.container-image.tag"))
          .isEqualTo(service.defaultImage("${quarkus.application.version}"));
      assertThat(module.properties().property("quarkus.application.name"))
          .isEqualTo(service.alias());
    }
  }

  /**
   * The image's files as the COPY instructions lay them out: path in the image → file in the build
   * context. Fails when a source matches nothing, i.e. the module was not packaged.
   */
  private static Map<String, Path> imageFiles(ConnectorService service) {
    Path module = ModuleFiles.of(service).directory();
    Map<String, Path> image = new TreeMap<>();
    for (Dockerfile.Copy copy : dockerfile(service).copies()) {
      for (String source : copy.sources()) {
        List<Path> matches = glob(module, source);
        if (matches.isEmpty()) {
          fail(
              "COPY %s matches nothing in %s: package it first (./mvnw -pl %s -am package"
                  + " -DskipTests)",
              source, module, service.alias());
        }
        boolean intoDirectory = copy.destination().endsWith("/");
        if (!intoDirectory && (matches.size() > 1 || copy.sources().size() > 1)) {
          fail("COPY %s matches %s but %s is not a directory", source, matches, copy.destination());
        }
        for (Path match : matches) {
          if (Files.isDirectory(match)) {
            // A directory's contents are copied, not the directory itself.
            walk(match)
                .forEach(
                    file ->
                        image.put(
                            join(copy.destination(), match.relativize(file).toString()), file));
          } else {
            String target =
                intoDirectory
                    ? join(copy.destination(), match.getFileName().toString())
                    : copy.destination();
            image.put(target, match);
          }
        }
      }
    }
    return image;
  }

  private static List<Path> glob(Path module, String source) {
    String normalized = source.replaceAll("/+$", "");
    int slash = normalized.lastIndexOf('/');
    Path directory = slash < 0 ? module : module.resolve(normalized.substring(0, slash));
    String name = normalized.substring(slash + 1);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> walk(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String join(String directory, String relative) {
    return (directory.endsWith("/") ? directory : directory + "/") + relative.replace('\\', '/');
  }

  /** A value of the jib-maven-plugin configuration in graph-simulator's pom. */
  private static String simulatorJib(String path) {
    try {
      Document pom =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(ModuleFiles.of(GRAPH_SIMULATOR).resolve("pom.xml").toFile());
      String expression =
          "/*[local-name()='project']/*[local-name()='build']/*[local-name()='plugins']"
              + "/*[local-name()='plugin'][*[local-name()='artifactId']='jib-maven-plugin']"
              + "/*[local-name()='configuration']"
              + Arrays.stream(path.split("/"))
                  .map(step -> "/*[local-name()='" + step + "']")
                  .reduce("", String::concat);
      String value = XPathFactory.newInstance().newXPath().evaluate(expression, pom).strip();
      assertThat(value).as("jib-maven-plugin " + path).isNotEmpty();
      return value;
    } catch (Exception e) {
      throw new IllegalStateException("could not read graph-simulator's pom", e);
    }
  }
}
