package dev.o365connector.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void theBodyIsTypeTitleStatusDetailThenTheExtensions() {
    Problem problem =
        new Problem(
            503,
            "mailbox-busy",
            "Mailbox busy",
            "3 requests already wait",
            Map.of("retryAfterSeconds", 1));

    assertThat(problem.body())
        .containsExactly(
            Map.entry("type", "https://o365connector.dev/problems/mailbox-busy"),
            Map.entry("title", "Mailbox busy"),
            Map.entry("status", 503),
            Map.entry("detail", "3 requests already wait"),
            Map.entry("retryAfterSeconds", 1));
  }

  @Test
  void theSharedProblemsNameTheirSlug() {
    assertThat(Problem.notFound("Installation 42").body())
        .containsEntry("type", "https://o365connector.dev/problems/not-found")
        .containsEntry("status", 404)
        .containsEntry("detail", "Installation 42 does not exist");
    assertThat(Problem.invalid("accountId: required").body())
        .containsEntry("type", "https://o365connector.dev/problems/invalid-request")
        .containsEntry("title", "Invalid request")
        .containsEntry("status", 400);
  }

  @Test
  void anExceptionCarriesItsProblemAndItsDetailAsMessage() {
    ProblemException e = new ProblemException(409, "conflict", "Conflict", "already there");

    assertThat(e.getMessage()).isEqualTo("already there");
    assertThat(e.status()).isEqualTo(409);
    assertThat(e.slug()).isEqualTo("conflict");
    assertThat(e.extensions()).isEmpty();
    assertThat(e.getStackTrace()).isEmpty();
  }
}
