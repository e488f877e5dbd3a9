package dev.o365connector.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version this artifact was built with: the default tag of the images it starts. */
final class StackVersion {

  private StackVersion() {}

  static String current() {
    try (InputStream in = StackVersion.class.getResourceAsStream("stack.properties")) {
      if (in == null) {
        throw new IllegalStateException("stack.properties is missing from the artifact");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
