package dev.o365connector.stack.postgres;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.lang3.SystemUtils;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks zonky's PostgreSQL binaries where zonky's {@code EmbeddedPostgres} will look for them,
 * before it looks. zonky unpacks in place with the archive and each file in memory: a small heap
 * runs out, and the half-unpacked directory it leaves fails every later start. Here the archive is
 * streamed into a fresh directory beside it, which is moved into place once complete; a broken
 * directory found there is cleared away first.
 */
public final class PostgresBinaries {

  /** zonky skips unpacking when its binaries directory holds this file. */
  private static final String COMPLETE_MARKER = ".exists";

  /**
   * zonky locks this file while it unpacks. Its start-up also deletes every directory of its
   * working directory with an unlocked one older than ten minutes, so the one held here while
   * unpacking marks what a killed unpack leaves for that clean-up.
   */
  private static final String UNPACK_LOCK = "epg-lock";

  private static final Duration OTHER_UNPACK_TIMEOUT = Duration.ofMinutes(2);
  private static final int ATTEMPTS = 3;

  private PostgresBinaries() {}

  /**
   * Makes sure zonky's working directory ({@code ot.epg.working-dir}, else {@code
   * ${java.io.tmpdir}/embedded-pg}) holds complete binaries; their directory.
   */
  public static synchronized Path prepare() {
    Path workingDirectory =
        Path.of(
            System.getProperty(
                "ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    try {
      Path binaries = workingDirectory.resolve("PG-" + archiveDigest());
      for (int attempt = 1; !isComplete(binaries); attempt++) {
        if (attempt > ATTEMPTS) {
          throw new IOException("could not unpack the PostgreSQL binaries into " + binaries);
        }
        clearAway(binaries);
        if (!isComplete(binaries)) {
          install(unpack(workingDirectory, binaries.getFileName().toString()), binaries);
        }
      }
      return binaries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isComplete(Path binaries) {
    return Files.exists(binaries.resolve(COMPLETE_MARKER));
  }

  /**
   * Moves a broken binaries directory (no marker) aside and deletes it, unless another process is
   * unpacking into it with zonky's own code: then waits until that one lets go.
   */
  private static void clearAway(Path binaries) throws IOException {
    Path lockFile = binaries.resolve(UNPACK_LOCK);
    Path aside = binaries.resolveSibling(binaries.getFileName() + ".broken-" + UUID.randomUUID());
    try (FileChannel channel = FileChannel.open(lockFile, CREATE, WRITE);
        FileLock lock = awaitLock(channel, binaries)) {
      if (isComplete(binaries)) {
        Files.deleteIfExists(lockFile); // left in place, zonky's clean-up would take the binaries
        return;
      }
      Files.move(binaries, aside, ATOMIC_MOVE);
    } catch (NoSuchFileException gone) {
      return; // there is none, or another process moved it aside first
    }
    deleteRecursively(aside);
  }

  private static FileLock awaitLock(FileChannel channel, Path binaries) throws IOException {
    Instant deadline = Instant.now().plus(OTHER_UNPACK_TIMEOUT);
    FileLock lock;
    while ((lock = channel.tryLock()) == null) {
      if (Instant.now().isAfter(deadline)) {
        throw new IOException(
            "another process has been unpacking into " + binaries + " for " + OTHER_UNPACK_TIMEOUT);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + binaries, e);
      }
    }
    return lock;
  }

  /** The archive unpacked into a new directory beside the final one, with the marker written. */
  private static Path unpack(Path workingDirectory, String name) throws IOException {
    Path directory =
        Files.createDirectories(workingDirectory).resolve(name + ".unpacking-" + UUID.randomUUID());
    Files.createDirectory(directory);
    Path lockFile = directory.resolve(UNPACK_LOCK);
    try (FileChannel channel = FileChannel.open(lockFile, CREATE, WRITE);
        FileLock lock = channel.lock()) {
      extract(directory);
    } catch (IOException | RuntimeException e) {
      deleteRecursively(directory);
      throw e;
    }
    Files.delete(lockFile);
    // Last, so it is newer than everything else here: zonky trusts only a marker that is.
    Files.createFile(directory.resolve(COMPLETE_MARKER));
    return directory;
  }

  /** Moves the unpacked directory into place; if another process got there first, keeps theirs. */
  private static void install(Path unpacked, Path binaries) throws IOException {
    try {
      Files.move(unpacked, binaries, ATOMIC_MOVE);
    } catch (IOException taken) {
      deleteRecursively(unpacked);
    }
  }

  /** Streams each entry to its file, so memory holds no more than a buffer of it. */
  private static void extract(Path directory) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive())))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = directory.resolve(entry.getName()).normalize();
        if (!path.startsWith(directory)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isFile()) {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        } else {
          throw new IOException("unsupported archive entry: " + entry.getName());
        }
      }
    }
  }

  /** The permissions of a tar mode (rwx for owner, group, others), so bin/ stays executable. */
  private static Set<PosixFilePermission> permissions(int mode) {
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < bits.length; bit++) {
      if ((mode & (0400 >> bit)) != 0) {
        permissions.add(bits[bit]);
      }
    }
    return permissions;
  }

  /** The MD5 of the archive, as zonky names its directory ({@code PG-<digest>}). */
  private static String archiveDigest() throws IOException {
    try (DigestInputStream digesting =
        new DigestInputStream(archive(), MessageDigest.getInstance("MD5"))) {
      digesting.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The archive zonky unpacks, found as zonky finds it. */
  private static InputStream archive() throws IOException {
    String system =
        SystemUtils.IS_OS_WINDOWS ? "Windows" : SystemUtils.IS_OS_MAC_OSX ? "Darwin" : "Linux";
    String architecture = "amd64".equals(SystemUtils.OS_ARCH) ? "x86_64" : SystemUtils.OS_ARCH;
    return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
