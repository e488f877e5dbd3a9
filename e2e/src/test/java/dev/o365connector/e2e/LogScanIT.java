package dev.o365connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.stack.process.StackEnvironment;
import dev.o365connector.stack.process.StackPart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * After every other scenario ({@link ClassOrderer.OrderAnnotation}, this one last): the log of
 * every process of the stack holds no access token, refresh token, authorization code, client
 * secret or consent state.
 */
@Order(Integer.MAX_VALUE)
class LogScanIT {

  /** What a leaked credential looks like, by kind. */
  private static final Map<String, Pattern> SHAPES = new LinkedHashMap<>();

  static {
    // A JWT: header and payload are base64url JSON objects ("{"" encodes as eyJ).
    SHAPES.put("JWT", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}"));
    SHAPES.put(
        "token field",
        Pattern.compile(
            "\"?(access_token|refresh_token|id_token)\"?\\s*[:=]\\s*\"?[A-Za-z0-9._-]{8,}"));
    SHAPES.put("code or state in a URL", Pattern.compile("[?&](code|state)=[A-Za-z0-9._~%-]{8,}"));
    SHAPES.put("client_secret field", Pattern.compile("client_secret\\s*[:=]\\s*\"?[^\\s\"&]{8,}"));
  }

  private final WholeSystem system = WholeSystem.shared();

  @Test
  void noProcessLoggedACredential() throws IOException {
    StackEnvironment environment = system.environment();
    List<String> secrets =
        List.of(
            environment.platformSecret("platform-dev"),
            environment.platformSecret("graph-gateway"),
            environment.platformSecret("sync-worker"),
            environment.serviceEnvironment(StackPart.AUTH_SERVICE).get("O365_CLIENT_SECRET"));
    List<String> findings = new ArrayList<>();
    long lines = 0;
    List<Path> logs;
    try (Stream<Path> files = Files.list(system.stack().home().root().resolve("logs"))) {
      logs = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
    }
    for (Path log : logs) {
      List<String> content = Files.readAllLines(log, StandardCharsets.UTF_8);
      lines += content.size();
      for (int i = 0; i < content.size(); i++) {
        String line = content.get(i);
        for (String secret : secrets) {
          if (line.contains(secret)) {
            findings.add(log.getFileName() + ":" + (i + 1) + " a client secret");
          }
        }
        for (Map.Entry<String, Pattern> shape : SHAPES.entrySet()) {
          Matcher matcher = shape.getValue().matcher(line);
          if (matcher.find()) {
            findings.add(log.getFileName() + ":" + (i + 1) + " " + shape.getKey());
          }
        }
      }
    }
    System.out.printf(
        "[measured] log scan: %d lines in %d logs (%s), %d credentials found%n",
        lines,
        logs.size(),
        logs.stream().map(p -> p.getFileName().toString()).toList(),
        findings.size());
    assertThat(logs).hasSizeGreaterThanOrEqualTo(6);
    assertThat(findings).isEmpty();
  }
}
