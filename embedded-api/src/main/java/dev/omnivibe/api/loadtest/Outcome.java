package dev.omnivibe.api.loadtest;

/**
 * How one request ended.
 *
 * @param status the HTTP status, or 0 when no answer came ({@code error} says why)
 * @param body the answer's text when the caller asked for it, else null
 */
record Outcome(int status, long endNanos, String error, String body) {
  static Outcome failed(String error) {
    return new Outcome(0, System.nanoTime(), error, null);
  }

  static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
