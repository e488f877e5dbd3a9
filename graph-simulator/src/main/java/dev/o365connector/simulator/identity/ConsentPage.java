package dev.o365connector.simulator.identity;

import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.Map;

/** The HTML the sign-in pages show: consent prompts, error pages, {@code form_post} answers. */
final class ConsentPage {

  private ConsentPage() {}

  /**
   * Permissions requested, with Accept and Cancel posting {@code action} and the one-time {@code
   * request} id to {@code formAction}.
   */
  static String consent(
      String title,
      String appName,
      String signedInAs,
      Collection<String> permissions,
      String formAction,
      String requestId) {
    StringBuilder list = new StringBuilder();
    for (String permission : permissions) {
      list.append("      <li class=\"permission\">").append(escape(permission)).append("</li>\n");
    }
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>"
        + escape(title)
        + "</title>\n</head>\n<body>\n  <h1>"
        + escape(title)
        + "</h1>\n  <p id=\"app\">"
        + escape(appName)
        + "</p>\n  <p id=\"account\">"
        + escape(signedInAs)
        + "</p>\n  <p>This app would like to:</p>\n  <ul id=\"permissions\">\n"
        + list
        + "  </ul>\n  <form method=\"post\" action=\""
        + escape(formAction)
        + "\">\n    <input type=\"hidden\" name=\"request\" value=\""
        + escape(requestId)
        + "\">\n    <button type=\"submit\" id=\"cancel\" name=\"action\" value=\"cancel\">Cancel"
        + "</button>\n    <button type=\"submit\" id=\"accept\" name=\"action\" value=\"accept\">"
        + "Accept</button>\n  </form>\n</body>\n</html>\n";
  }

  /** Answers with the {@link #consent} page; never cached, as its one-time id is in it. */
  static void show(
      RoutingContext ctx,
      String title,
      String appName,
      String signedInAs,
      Collection<String> permissions,
      String formAction,
      String requestId) {
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(consent(title, appName, signedInAs, permissions, formAction, requestId));
  }

  static String errorPage(String error, String description) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
        + "  <title>Sign in to your account</title>\n</head>\n<body>\n"
        + "  <h1>Sorry, but we're having trouble signing you in.</h1>\n  <p id=\"error\">"
        + escape(error)
        + "</p>\n  <pre id=\"error_description\">"
        + escape(description)
        + "</pre>\n</body>\n</html>\n";
  }

  /** {@code response_mode=form_post}: a form that posts the answer to the redirect URI. */
  static String formPost(String redirectUri, Map<String, String> params) {
    StringBuilder inputs = new StringBuilder();
    params.forEach(
        (name, value) ->
            inputs
                .append("    <input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">\n"));
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Working...</title></head>\n"
        + "<body onload=\"document.forms[0].submit()\">\n  <form method=\"post\" action=\""
        + escape(redirectUri)
        + "\">\n"
        + inputs
        + "    <noscript><button type=\"submit\">Continue</button></noscript>\n"
        + "  </form>\n</body>\n</html>\n";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
