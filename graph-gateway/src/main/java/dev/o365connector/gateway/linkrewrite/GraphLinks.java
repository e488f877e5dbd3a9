package dev.o365connector.gateway.linkrewrite;

import java.util.Optional;

/**
 * The mapping between Graph's base URL and an installation's base URL at the gateway ({@code
 * <public>/graph/<installation>/v1.0}), so links Graph hands out lead back through the gateway.
 */
public record GraphLinks(String graphBaseUrl, String gatewayBaseUrl) {

  public GraphLinks {
    graphBaseUrl = stripSlash(graphBaseUrl);
    gatewayBaseUrl = stripSlash(gatewayBaseUrl);
  }

  /** The links of one installation: {@code publicBase} is the gateway as callers reach it. */
  public static GraphLinks of(String graphBaseUrl, String publicBase, String installationId) {
    return new GraphLinks(
        graphBaseUrl, stripSlash(publicBase) + "/graph/" + installationId + "/v1.0");
  }

  /** A streaming rewriter for one JSON response body. */
  public ODataLinkRewriter bodyRewriter() {
    return new ODataLinkRewriter(graphBaseUrl, gatewayBaseUrl);
  }

  /** {@code url} pointed at the gateway if it points at Graph; else empty (left untouched). */
  public Optional<String> rewrite(String url) {
    if (url == null || !url.startsWith(graphBaseUrl)) {
      return Optional.empty();
    }
    String rest = url.substring(graphBaseUrl.length());
    if (!rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != '?') {
      return Optional.empty();
    }
    return Optional.of(gatewayBaseUrl + rest);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
