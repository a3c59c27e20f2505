package dev.omnivibe.engine.hooks;

import java.time.Duration;
import java.util.List;

/**
 * How hooks run.
 *
 * @param global hooks for every job (from the config file)
 * @param timeout per command run and per webhook attempt
 * @param retries extra webhook attempts after the first, with doubling back-off from {@code
 *     backoff}
 * @param secret signs webhook bodies ({@code X-OmniVibe-Signature: sha256=<hmac>}); null for none
 */
public record HookSettings(
    List<Hook> global, Duration timeout, int retries, Duration backoff, String secret) {
  public static final HookSettings NONE =
      new HookSettings(List.of(), Duration.ofSeconds(10), 3, Duration.ofSeconds(1), null);

  public HookSettings {
    global = List.copyOf(global);
  }

  public HookSettings withGlobal(List<Hook> hooks) {
    return new HookSettings(hooks, timeout, retries, backoff, secret);
  }
}
