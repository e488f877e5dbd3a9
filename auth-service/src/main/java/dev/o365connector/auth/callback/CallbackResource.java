package dev.o365connector.auth.callback;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /connector/callback}, the only public endpoint: where Entra sends the customer's
 * browser back. Answers with a redirect to the installation's {@code returnUrl} or a small page;
 * never with a token, code or secret.
 */
@Path("/connector/callback")
@PermitAll
public class CallbackResource {

  private final CallbackService callbacks;

  CallbackResource(CallbackService callbacks) {
    this.callbacks = callbacks;
  }

  @GET
  public Uni<Response> callback(
      @QueryParam("code") String code,
      @QueryParam("state") String state,
      @QueryParam("admin_consent") String adminConsent,
      @QueryParam("tenant") String tenant,
      @QueryParam("error") String error,
      @QueryParam("error_description") String errorDescription) {
    return callbacks
        .handle(new CallbackParams(code, state, adminConsent, tenant, error, errorDescription))
        .map(CallbackResource::respond);
  }

  private static Response respond(CallbackOutcome outcome) {
    if (outcome.stateRejected()) {
      return page(
          400,
          "This link is invalid or has expired",
          "Start the installation again from the application that sent you here.");
    }
    if (outcome.returnUrl() != null) {
      String separator = outcome.returnUrl().contains("?") ? "&" : "?";
      return Response.status(302)
          .location(
              URI.create(
                  outcome.returnUrl()
                      + separator
                      + "installationId="
                      + outcome.installationId()
                      + "&status="
                      + URLEncoder.encode(outcome.status().name(), StandardCharsets.UTF_8)))
          .build();
    }
    return outcome.status().name().equals("ACTIVE")
        ? page(
            200,
            "Installation complete",
            "Installation " + outcome.installationId() + " is active. You can close this window.")
        : page(
            200,
            "Installation not completed",
            "Installation "
                + outcome.installationId()
                + " is "
                + outcome.status()
                + ". You can close this window.");
  }

  private static Response page(int status, String title, String text) {
    String html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            + title
            + "</title></head><body><h1>"
            + title
            + "</h1><p>"
            + text
            + "</p></body></html>";
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .entity(html)
        .build();
  }
}
