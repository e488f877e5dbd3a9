package dev.o365connector.auth.error;

/**
 * An error the API answers as RFC 9457 problem+json, with a stable {@code type} slug ({@code
 * https://o365connector.dev/problems/<slug>}).
 */
public class ApiProblem extends RuntimeException {

  private final int status;
  private final String slug;
  private final String title;

  public ApiProblem(int status, String slug, String title, String detail) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(404, "not-found", "Not found", what + " does not exist");
  }

  public static ApiProblem invalid(String detail) {
    return new ApiProblem(400, "invalid-request", "Invalid request", detail);
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
