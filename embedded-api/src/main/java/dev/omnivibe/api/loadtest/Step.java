package dev.omnivibe.api.loadtest;

/**
 * One kind of request in a scenario.
 *
 * @param body the request body (JSON) or null; {@code {name}} placeholders are filled from the
 *     scenario's uploads and {@code {job}} with the last job this run submitted
 * @param sse open the path as an event stream and measure the time to its first event
 * @param weight how often it is picked relative to the other steps
 */
public record Step(String name, String method, String path, String body, boolean sse, int weight) {
  public Step {
    if (weight < 1) {
      throw new IllegalArgumentException("step '" + name + "' needs a weight of at least 1");
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException(
          "step '" + name + "': path must start with /, got " + path);
    }
  }

  public static Step get(String path) {
    return new Step("GET " + path, "GET", path, null, false, 1);
  }
}
