package dev.omnivibe.api.auth;

import java.util.Locale;

/**
 * What a token may do, each role including the ones below it.
 *
 * <ul>
 *   <li>{@link #SUBMITTER}: submit renders and narration, upload assets, read voices and encoders,
 *       and see and steer its own jobs only;
 *   <li>{@link #OPERATOR}: also any job, pausing queues, probing encoders, performance data, the
 *       studio's nodes and cache invalidation;
 *   <li>{@link #OWNER}: everything, token management included. Only the token in the data folder's
 *       {@code api-token} file is the owner.
 * </ul>
 */
public enum Role {
  SUBMITTER,
  OPERATOR,
  OWNER;

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the roles a token can be issued with
   */
  public static Role issuable(String text) {
    if (text != null) {
      for (Role r : new Role[] {SUBMITTER, OPERATOR}) {
        if (r.id().equalsIgnoreCase(text.trim())) {
          return r;
        }
      }
    }
    throw new IllegalArgumentException(
        "role must be \"submitter\" or \"operator\" (the owner's token is the data folder's)");
  }
}
