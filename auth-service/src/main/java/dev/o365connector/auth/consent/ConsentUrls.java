package dev.o365connector.auth.consent;

import dev.o365connector.auth.config.AuthConfig;
import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.contracts.permission.GraphPermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the URLs a customer follows to install: the authorize URL (DELEGATED: a user signs in,
 * PKCE S256) or the admin-consent URL (APPLICATION: a tenant admin consents for the tenant).
 */
@ApplicationScoped
public class ConsentUrls {

  static final String GRAPH = "https://graph.microsoft.com/";

  private final AuthConfig config;

  ConsentUrls(AuthConfig config) {
    this.config = config;
  }

  /**
   * The tenant segment of a DELEGATED sign-in: the installation's tenant when known, else {@code
   * organizations} (work and school accounts of any tenant).
   */
  public String authority(Installation installation) {
    return installation.tenantId == null ? "organizations" : installation.tenantId;
  }

  public String consentUrl(Installation installation, ConsentStates.IssuedState issued) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", config.clientId());
    String path;
    if (installation.type == InstallationType.DELEGATED) {
      path = "/" + authority(installation) + "/oauth2/v2.0/authorize";
      query.put("response_type", "code");
      query.put("redirect_uri", config.callbackUrl().toString());
      query.put("response_mode", "query");
      query.put("scope", delegatedScope(installation));
      query.put("state", issued.state());
      query.put("code_challenge", challenge(issued.codeVerifier()));
      query.put("code_challenge_method", "S256");
    } else {
      path = "/" + installation.tenantId + "/v2.0/adminconsent";
      query.put("scope", GRAPH + ".default");
      query.put("redirect_uri", config.callbackUrl().toString());
      query.put("state", issued.state());
    }
    return stripTrailingSlash(config.loginBaseUrl().toString())
        + path
        + "?"
        + query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  /** {@code openid offline_access} plus the Graph permission of every requested resource. */
  static String delegatedScope(Installation installation) {
    return "openid offline_access "
        + GraphPermissions.required(installation.resourceList(), InstallationType.DELEGATED)
            .stream()
            .map(p -> GRAPH + p)
            .collect(Collectors.joining(" "));
  }

  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
