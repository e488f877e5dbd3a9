package dev.o365connector.simulator.identity;

/** One Entra ID failure: OAuth {@code error}, AADSTS code and message, HTTP status. */
public record EntraError(int status, String error, int code, String message) {

  /** {@code AADSTS<code>: <message>}, the start of every {@code error_description}. */
  public String summary() {
    return "AADSTS" + code + ": " + message;
  }

  static EntraError of(String error, int code, String message) {
    return new EntraError(400, error, code, message);
  }

  static EntraError missingParameter(String name) {
    return of(
        "invalid_request",
        900144,
        "The request body must contain the following parameter: '" + name + "'.");
  }

  static EntraError tenantNotFound(String tenant) {
    return of(
        "invalid_request",
        90002,
        "Tenant '"
            + tenant
            + "' not found. Check to make sure you have the correct tenant ID and are signing into"
            + " the correct cloud.");
  }

  static EntraError invalidTenantIdentifier(String tenant) {
    return of(
        "invalid_request",
        900023,
        "Specified tenant identifier '"
            + tenant
            + "' is neither a valid DNS name, nor a valid external domain.");
  }

  static EntraError consumersNotSupported(String clientId) {
    return of(
        "invalid_request",
        9002332,
        "Application '"
            + clientId
            + "' is configured for use by Microsoft Entra users only. Please do not use the"
            + " /consumers endpoint to serve this request.");
  }

  static EntraError appNotFound(String clientId, String tenant) {
    return of(
        "unauthorized_client",
        700016,
        "Application with identifier '"
            + clientId
            + "' was not found in the directory '"
            + tenant
            + "'. This can happen if the application has not been installed by the administrator"
            + " of the tenant or consented to by any user in the tenant. You may have sent your"
            + " authentication request to the wrong tenant.");
  }

  static EntraError missingClientSecret() {
    return new EntraError(
        401,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or"
            + " 'client_secret'.");
  }

  static EntraError invalidClientSecret(String clientId) {
    return new EntraError(
        401,
        "invalid_client",
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the"
            + " client secret value, not the client secret ID, for a secret added to app '"
            + clientId
            + "'.");
  }

  static EntraError missingServicePrincipal(String clientId, String tenantId) {
    return of(
        "invalid_client",
        7000229,
        "The client application "
            + clientId
            + " is missing service principal in the tenant "
            + tenantId
            + ". See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119");
  }

  static EntraError replyAddressNotRegistered(String redirectUri, String clientId) {
    return of(
        "invalid_request",
        50011,
        "The redirect URI '"
            + redirectUri
            + "' specified in the request does not match the redirect URIs configured for the"
            + " application '"
            + clientId
            + "'. Make sure the redirect URI sent in the request matches one added to your"
            + " application in the Azure portal.");
  }

  static EntraError consentDeclined() {
    return of("access_denied", 65004, "User declined to consent to access the app.");
  }

  static EntraError noReplyAddress() {
    return of("invalid_request", 900971, "No reply address provided.");
  }

  static EntraError unsupportedGrantType(String grantType) {
    return of(
        "unsupported_grant_type",
        70003,
        "The app requested an unsupported grant type '" + grantType + "'.");
  }

  static EntraError grantTypeNeedsTenant(String authority) {
    return of(
        "invalid_request",
        9001023,
        "The grant type isn't supported over the /"
            + authority
            + " endpoint. Please use a tenant-specific endpoint.");
  }

  static EntraError invalidScope(String scope) {
    return of(
        "invalid_scope",
        70011,
        "The provided value for the input parameter 'scope' is not valid. The scope '"
            + scope
            + "' is not valid.");
  }

  static EntraError clientCredentialsScope(String scope) {
    return of(
        "invalid_scope",
        1002012,
        "The provided value for scope "
            + scope
            + " is not valid. Client credential flows must have a scope value with /.default"
            + " suffixed to the resource identifier (application ID URI).");
  }

  static EntraError resourceNotFound(String resource, String tenant) {
    return of(
        "invalid_resource",
        500011,
        "The resource principal named "
            + resource
            + " was not found in the tenant named "
            + tenant
            + ". This can happen if the application has not been installed by the administrator"
            + " of the tenant or consented to by any user in the tenant.");
  }
}
