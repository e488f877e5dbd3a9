package dev.o365connector.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSetTest {

  @Test
  void textFormNeverShowsTokenValues() {
    TokenSet tokens =
        new TokenSet("access-secret", Instant.EPOCH, "refresh-secret", List.of("Mail.Read"));

    assertThat(tokens.toString())
        .doesNotContain("access-secret")
        .doesNotContain("refresh-secret")
        .contains("Mail.Read");
  }

  @Test
  void textFormTellsWhetherThereIsARefreshToken() {
    TokenSet tokens = new TokenSet("access-secret", Instant.EPOCH, null, List.of());

    assertThat(tokens.toString()).contains("refreshToken=none");
  }
}
