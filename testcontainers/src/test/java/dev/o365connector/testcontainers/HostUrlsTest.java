package dev.o365connector.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HostUrlsTest {

  private final HostUrls urls =
      new HostUrls(
          Map.of(
              "graph-simulator:8089", "localhost:32768",
              "auth-service:8081", "127.0.0.1:32770"));

  @Test
  void aConsentUrlKeepsItsPathAndQuery() {
    assertThat(
            urls.toHost(
                "http://graph-simulator:8089/organizations/oauth2/v2.0/authorize?client_id=a"
                    + "&redirect_uri=http%3A%2F%2Fauth-service%3A8081%2Fconnector%2Fcallback#f"))
        .isEqualTo(
            "http://localhost:32768/organizations/oauth2/v2.0/authorize?client_id=a"
                + "&redirect_uri=http%3A%2F%2Fauth-service%3A8081%2Fconnector%2Fcallback#f");
  }

  @Test
  void aCallbackGoesToAuthServicesMappedPort() {
    assertThat(urls.toHost("http://auth-service:8081/connector/callback?code=c&state=s"))
        .isEqualTo("http://127.0.0.1:32770/connector/callback?code=c&state=s");
    assertThat(urls.toHost("http://auth-service:8081")).isEqualTo("http://127.0.0.1:32770");
    assertThat(urls.toHost("http://auth-service:8081?x=1")).isEqualTo("http://127.0.0.1:32770?x=1");
  }

  @Test
  void aUrlOutsideTheStackIsRefused() {
    assertThatThrownBy(() -> urls.toHost("http://auth-service:9999/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth-service:9999");
    assertThatThrownBy(() -> urls.toHost("https://login.microsoftonline.com/common"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> urls.toHost("/connector/callback"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
