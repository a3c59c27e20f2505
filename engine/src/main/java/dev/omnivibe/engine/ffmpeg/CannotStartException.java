package dev.omnivibe.engine.ffmpeg;

/** The pair does not run at all; {@code detail} is its own last line. */
final class CannotStartException extends Exception {
  private static final long serialVersionUID = 1L;
  final String detail;

  CannotStartException(String detail) {
    super(detail);
    this.detail = detail;
  }
}
