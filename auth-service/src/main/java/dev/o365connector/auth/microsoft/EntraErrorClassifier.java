package dev.o365connector.auth.microsoft;

import static dev.o365connector.auth.microsoft.EntraFailure.CONSENT_REQUIRED;
import static dev.o365connector.auth.microsoft.EntraFailure.INVALID_CLIENT;
import static dev.o365connector.auth.microsoft.EntraFailure.INVALID_REQUEST;
import static dev.o365connector.auth.microsoft.EntraFailure.NOT_INSTALLED;
import static dev.o365connector.auth.microsoft.EntraFailure.REAUTH_REQUIRED;
import static dev.o365connector.auth.microsoft.EntraFailure.TRANSIENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClientException;
import io.vertx.core.VertxException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps what Entra's token endpoint answered, or why it did not, to an {@link EntraException}.
 * AADSTS codes decide before the OAuth {@code error}: Entra reuses {@code invalid_grant} and {@code
 * invalid_client} for failures that need different actions.
 */
final class EntraErrorClassifier {

  private static final Set<Integer> REAUTH_CODES = Set.of(700082, 70008, 50173, 70043);
  private static final Set<Integer> CONSENT_CODES = Set.of(65001);
  private static final Set<Integer> NOT_INSTALLED_CODES = Set.of(700016, 500011, 7000229);
  private static final Set<Integer> INVALID_CLIENT_CODES = Set.of(7000215, 7000222, 7000218);

  /** quarkus-oidc-client's whole message when the token endpoint could not be reached. */
  static final String NOT_AVAILABLE = "OIDC Server is not available";

  // A body that is not Entra's JSON comes from something in between (a proxy's HTML page).
  private static final int MAX_FOREIGN_BODY = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private EntraErrorClassifier() {}

  /** Entra's answer {@code body} with {@code httpStatus} to a {@code grantType} request. */
  static EntraException classify(String grantType, int httpStatus, String body) {
    JsonNode json = parseObject(body);
    if (json == null) {
      String foreign = body == null ? "" : body.strip();
      String description =
          foreign.length() > MAX_FOREIGN_BODY
              ? foreign.substring(0, MAX_FOREIGN_BODY) + "..."
              : foreign;
      return new EntraException(
          kind(grantType, httpStatus, null, List.of()), null, List.of(), description, httpStatus);
    }
    String error = text(json, "error");
    List<Integer> codes = codes(json.get("error_codes"));
    return new EntraException(
        kind(grantType, httpStatus, error, codes),
        error,
        codes,
        text(json, "error_description"),
        httpStatus);
  }

  /** What a failed token request means; Entra's own answers arrive here already classified. */
  static EntraException fromFailure(String grantType, Throwable failure) {
    if (failure instanceof EntraException entra) {
      return entra;
    }
    if (failure instanceof OidcClientException && !NOT_AVAILABLE.equals(failure.getMessage())) {
      // quarkus-oidc-client's own form of an error answer: the body as message, no status.
      return classify(grantType, EntraException.NO_RESPONSE, failure.getMessage());
    }
    if (failure instanceof OidcClientException
        || failure instanceof IOException
        || failure instanceof VertxException) {
      return noAnswer("Entra's token endpoint could not be reached: " + failure.getMessage());
    }
    return new EntraException(
        INVALID_REQUEST,
        null,
        List.of(),
        "unexpected failure: " + failure,
        EntraException.NO_RESPONSE,
        failure);
  }

  /** A request that got no answer: worth trying again. */
  static EntraException noAnswer(String description) {
    return new EntraException(
        TRANSIENT, null, List.of(), description, EntraException.NO_RESPONSE, null);
  }

  static EntraFailure kind(String grantType, int httpStatus, String error, List<Integer> codes) {
    if (httpStatus >= 500
        || httpStatus == 429
        || "temporarily_unavailable".equals(error)
        || "server_error".equals(error)) {
      return TRANSIENT;
    }
    if (codes.stream().anyMatch(REAUTH_CODES::contains)) {
      return REAUTH_REQUIRED;
    }
    if (codes.stream().anyMatch(CONSENT_CODES::contains)) {
      return CONSENT_REQUIRED;
    }
    if (codes.stream().anyMatch(NOT_INSTALLED_CODES::contains)) {
      return NOT_INSTALLED;
    }
    if (codes.stream().anyMatch(INVALID_CLIENT_CODES::contains) || "invalid_client".equals(error)) {
      return INVALID_CLIENT;
    }
    if ("consent_required".equals(error)) {
      return CONSENT_REQUIRED;
    }
    // A refresh token Entra refuses for any other reason (or asks for MFA) needs a new sign-in.
    if ("interaction_required".equals(error)
        || ("invalid_grant".equals(error)
            && EntraGrant.REFRESH_TOKEN.grantType().equals(grantType))) {
      return REAUTH_REQUIRED;
    }
    return INVALID_REQUEST;
  }

  private static JsonNode parseObject(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode json = JSON.readTree(body);
      return json != null && json.isObject() ? json : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static List<Integer> codes(JsonNode array) {
    List<Integer> codes = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(
          code -> {
            if (code.canConvertToInt() && code.isIntegralNumber()) {
              codes.add(code.intValue());
            }
          });
    }
    return codes;
  }
}
