package dev.o365connector.auth.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.client.OidcClientException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntraErrorClassifierTest {

  private static final String CODE = "authorization_code";
  private static final String REFRESH = "refresh_token";
  private static final String CLIENT = "client_credentials";

  static String body(String error, int code) {
    return """
        {"error":"%s","error_description":"AADSTS%d: what went wrong.\\r\\nTrace ID: 1\\r\\n\
        Correlation ID: 2\\r\\nTimestamp: 2026-01-01 00:00:00Z","error_codes":[%d],\
        "timestamp":"2026-01-01 00:00:00Z","trace_id":"1","correlation_id":"2"}"""
        .formatted(error, code, code);
  }

  @ParameterizedTest(name = "{0} AADSTS{1} on {2} -> {4}")
  @CsvSource({
    "invalid_grant, 700082, refresh_token, 400, REAUTH_REQUIRED",
    "invalid_grant, 70008, refresh_token, 400, REAUTH_REQUIRED",
    "invalid_grant, 70008, authorization_code, 400, REAUTH_REQUIRED",
    "invalid_grant, 50173, refresh_token, 400, REAUTH_REQUIRED",
    "invalid_grant, 70043, refresh_token, 400, REAUTH_REQUIRED",
    "invalid_grant, 9002313, refresh_token, 400, REAUTH_REQUIRED",
    "invalid_grant, 70000, refresh_token, 400, REAUTH_REQUIRED",
    "interaction_required, 50076, refresh_token, 400, REAUTH_REQUIRED",
    "invalid_grant, 65001, refresh_token, 400, CONSENT_REQUIRED",
    "invalid_grant, 65001, authorization_code, 400, CONSENT_REQUIRED",
    "consent_required, 90094, authorization_code, 400, CONSENT_REQUIRED",
    "unauthorized_client, 700016, client_credentials, 400, NOT_INSTALLED",
    "invalid_resource, 500011, client_credentials, 400, NOT_INSTALLED",
    "invalid_client, 7000229, client_credentials, 400, NOT_INSTALLED",
    "invalid_client, 7000215, client_credentials, 401, INVALID_CLIENT",
    "invalid_client, 7000222, refresh_token, 401, INVALID_CLIENT",
    "invalid_client, 7000218, authorization_code, 401, INVALID_CLIENT",
    "invalid_client, 700027, client_credentials, 401, INVALID_CLIENT",
    "temporarily_unavailable, 90033, client_credentials, 503, TRANSIENT",
    "temporarily_unavailable, 90055, refresh_token, 429, TRANSIENT",
    "temporarily_unavailable, 90012, refresh_token, 504, TRANSIENT",
    "server_error, 50000, authorization_code, 500, TRANSIENT",
    "temporarily_unavailable, 90033, client_credentials, 400, TRANSIENT",
    "invalid_grant, 54005, authorization_code, 400, INVALID_REQUEST",
    "invalid_grant, 501481, authorization_code, 400, INVALID_REQUEST",
    "invalid_grant, 500112, authorization_code, 400, INVALID_REQUEST",
    "invalid_grant, 9002313, authorization_code, 400, INVALID_REQUEST",
    "invalid_request, 90002, client_credentials, 400, INVALID_REQUEST",
    "invalid_request, 9001023, client_credentials, 400, INVALID_REQUEST",
    "invalid_scope, 70011, refresh_token, 400, INVALID_REQUEST",
    "unsupported_grant_type, 70003, refresh_token, 400, INVALID_REQUEST",
  })
  void classifiesEntrasAnswer(
      String error, int code, String grant, int status, EntraFailure expected) {
    EntraException e = EntraErrorClassifier.classify(grant, status, body(error, code));

    assertThat(e.kind()).isEqualTo(expected);
    assertThat(e.error()).isEqualTo(error);
    assertThat(e.errorCodes()).containsExactly(code);
    assertThat(e.hasCode(code)).isTrue();
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.description())
        .startsWith("AADSTS" + code + ": what went wrong.")
        .contains("Trace ID: 1");
    assertThat(e.getMessage())
        .isEqualTo(
            "Entra token request failed: %s %s AADSTS%d (HTTP %d): AADSTS%d: what went wrong."
                .formatted(expected, error, code, status, code));
  }

  @Test
  void aCodeDecidesBeforeTheOAuthError() {
    // Entra answers a missing service principal with invalid_client, yet the secret is fine.
    assertThat(EntraErrorClassifier.classify(CLIENT, 401, body("invalid_client", 7000229)).kind())
        .isEqualTo(EntraFailure.NOT_INSTALLED);
    assertThat(EntraErrorClassifier.classify(REFRESH, 400, body("invalid_grant", 65001)).kind())
        .isEqualTo(EntraFailure.CONSENT_REQUIRED);
  }

  @Test
  void aBodyFromSomethingInBetweenIsKeptShortAndClassifiedByStatus() {
    String html = "<html>" + "x".repeat(2000) + "</html>";

    EntraException gateway = EntraErrorClassifier.classify(CODE, 502, html);
    assertThat(gateway.kind()).isEqualTo(EntraFailure.TRANSIENT);
    assertThat(gateway.error()).isNull();
    assertThat(gateway.errorCodes()).isEmpty();
    assertThat(gateway.description()).hasSize(503).startsWith("<html>xxx").endsWith("...");

    EntraException notFound = EntraErrorClassifier.classify(CODE, 404, "Not Found");
    assertThat(notFound.kind()).isEqualTo(EntraFailure.INVALID_REQUEST);
    assertThat(notFound.description()).isEqualTo("Not Found");
    assertThat(EntraErrorClassifier.classify(CODE, 400, null).kind())
        .isEqualTo(EntraFailure.INVALID_REQUEST);
    assertThat(EntraErrorClassifier.classify(CODE, 400, "[1,2]").kind())
        .isEqualTo(EntraFailure.INVALID_REQUEST);
  }

  @Test
  void toleratesOddErrorCodes() {
    EntraException e =
        EntraErrorClassifier.classify(
            REFRESH, 400, "{\"error\":\"invalid_grant\",\"error_codes\":[\"x\",50173,1.5]}");

    assertThat(e.errorCodes()).containsExactly(50173);
    assertThat(e.kind()).isEqualTo(EntraFailure.REAUTH_REQUIRED);
    assertThat(e.description()).isNull();
  }

  @Test
  void readsTheBodyThatQuarkusOidcClientPutsInItsExceptionMessage() {
    EntraException e =
        EntraErrorClassifier.fromFailure(
            REFRESH, new OidcClientException(body("invalid_grant", 50173)));

    assertThat(e.kind()).isEqualTo(EntraFailure.REAUTH_REQUIRED);
    assertThat(e.errorCodes()).containsExactly(50173);
    assertThat(e.httpStatus()).isEqualTo(EntraException.NO_RESPONSE);
  }

  @Test
  void noAnswerIsTransient() {
    for (Throwable failure :
        new Throwable[] {
          new OidcClientException(EntraErrorClassifier.NOT_AVAILABLE),
          new ConnectException("Connection refused")
        }) {
      EntraException e = EntraErrorClassifier.fromFailure(CLIENT, failure);
      assertThat(e.kind()).isEqualTo(EntraFailure.TRANSIENT);
      assertThat(e.httpStatus()).isEqualTo(EntraException.NO_RESPONSE);
      assertThat(e.error()).isNull();
    }
  }

  @Test
  void keepsWhatIsAlreadyClassifiedAndWrapsTheUnexpected() {
    EntraException classified =
        EntraErrorClassifier.classify(CODE, 400, body("invalid_grant", 54005));
    assertThat(EntraErrorClassifier.fromFailure(CODE, classified)).isSameAs(classified);

    IllegalStateException bug = new IllegalStateException("bug");
    EntraException wrapped = EntraErrorClassifier.fromFailure(CODE, bug);
    assertThat(wrapped.kind()).isEqualTo(EntraFailure.INVALID_REQUEST);
    assertThat(wrapped).hasCause(bug);
  }
}
