package dev.o365connector.testcontainers;

import java.util.Map;

/**
 * Turns a URL that is valid inside the stack's network ({@code http://graph-simulator:8089/...}, as
 * consent URLs and redirects carry) into the one the host reaches the same container at.
 */
final class HostUrls {

  private final Map<String, String> hostAuthorities;

  /**
   * @param hostAuthorities {@code alias:port} inside the network → {@code host:mappedPort}
   */
  HostUrls(Map<String, String> hostAuthorities) {
    this.hostAuthorities = Map.copyOf(hostAuthorities);
  }

  String toHost(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      throw new IllegalArgumentException("not an absolute URL: " + url);
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = url.substring(authorityStart, authorityEnd);
    String host = hostAuthorities.get(authority);
    if (host == null) {
      throw new IllegalArgumentException(
          "not a URL of a container in the stack ("
              + String.join(", ", hostAuthorities.keySet())
              + "): "
              + url);
    }
    return url.substring(0, authorityStart) + host + url.substring(authorityEnd);
  }
}
