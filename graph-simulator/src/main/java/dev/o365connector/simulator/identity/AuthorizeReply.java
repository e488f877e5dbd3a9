package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.http.Responses;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** An answer to the app's redirect URI, by query, fragment or {@code form_post}. */
record AuthorizeReply(String redirectUri, String responseMode, Map<String, String> params) {

  static final String QUERY = "query";
  static final String FRAGMENT = "fragment";
  static final String FORM_POST = "form_post";

  AuthorizeReply {
    params = new LinkedHashMap<>(params);
  }

  static boolean supports(String responseMode) {
    return QUERY.equals(responseMode)
        || FRAGMENT.equals(responseMode)
        || FORM_POST.equals(responseMode);
  }

  /** {@code state} goes last, where Entra puts it; absent values are left out. */
  AuthorizeReply withState(String state) {
    Map<String, String> withState = new LinkedHashMap<>(params);
    if (state != null) {
      withState.put("state", state);
    }
    return new AuthorizeReply(redirectUri, responseMode, withState);
  }

  void send(RoutingContext ctx) {
    if (FORM_POST.equals(responseMode)) {
      ctx.response()
          .setStatusCode(200)
          .putHeader("Content-Type", "text/html; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(ConsentPage.formPost(redirectUri, params));
      return;
    }
    Responses.redirect(ctx, location());
  }

  /** The redirect target for the query and fragment modes. */
  String location() {
    StringJoiner encoded = new StringJoiner("&");
    params.forEach((name, value) -> encoded.add(encode(name) + "=" + encode(value)));
    if (FRAGMENT.equals(responseMode)) {
      return redirectUri + "#" + encoded;
    }
    return redirectUri + (redirectUri.contains("?") ? "&" : "?") + encoded;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
