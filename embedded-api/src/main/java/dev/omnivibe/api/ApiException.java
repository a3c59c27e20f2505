package dev.omnivibe.api;

import java.util.List;

/**
 * An error the API answers with an RFC 9457 problem document.
 *
 * @param errors per-field problems (JSON pointer and detail), empty when not a validation error
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;
  private final transient List<FieldError> errors;

  public ApiException(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public ApiException(int status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One invalid field: where (a JSON pointer) and what is wrong. */
  public record FieldError(String pointer, String detail) {}

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "Bad request", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "Not found", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "Conflict", detail);
  }

  public static ApiException invalid(String detail, List<FieldError> errors) {
    return new ApiException(422, "Invalid request", detail, errors);
  }
}
