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
 * @param targets where a job's own webhooks may point (the global ones are the node owner's)
 */
public record HookSettings(
    List<Hook> global,
    Duration timeout,
    int retries,
    Duration backoff,
    String secret,
    WebhookTargets targets) {
  public static final HookSettings NONE =
      new HookSettings(
          List.of(),
          Duration.ofSeconds(10),
          3,
          Duration.ofSeconds(1),
          null,
          WebhookTargets.PUBLIC_ONLY);

  public HookSettings {
    global = List.copyOf(global);
    targets = targets == null ? WebhookTargets.PUBLIC_ONLY : targets;
  }

  public HookSettings withGlobal(List<Hook> hooks) {
    return new HookSettings(hooks, timeout, retries, backoff, secret, targets);
  }

  public HookSettings withTargets(WebhookTargets allowed) {
    return new HookSettings(global, timeout, retries, backoff, secret, allowed);
  }
}
