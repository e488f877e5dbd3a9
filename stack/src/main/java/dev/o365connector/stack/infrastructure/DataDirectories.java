package dev.o365connector.stack.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** What the stack's standalone servers do with a data directory they cannot use. */
public final class DataDirectories {

  private DataDirectories() {}

  /**
   * Moves a data directory its part cannot use (what an interrupted first start leaves) out of the
   * way, to {@code <directory>.incomplete-<time>}, keeping its content for a look; an absent or
   * empty one stays. Where it went, if it moved.
   */
  public static Optional<Path> setAside(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (var entries = Files.list(directory)) {
      if (entries.findAny().isEmpty()) {
        return Optional.empty();
      }
    }
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Optional.of(
        Files.move(
            directory, directory.resolveSibling(directory.getFileName() + ".incomplete-" + time)));
  }
}
