package dev.omnivibe.api.auth;

/**
 * Who sent a request, once its token checked out.
 *
 * @param id {@code owner}, or the issued token's id; jobs record it as {@code submittedBy}
 * @param tokenKey a short digest of the token itself: cache entries are keyed by it, so they are
 *     never served to another token (or to this one after a rotation)
 * @param ratePerSecond the token's own request limit (0: none), or null for its role's default
 */
public record Caller(String id, Role role, String tokenKey, Double ratePerSecond) {

  /** A caller of {@code /health} and {@code /openapi.json}, which need no token. */
  public static Caller anonymous() {
    return new Caller("anonymous", Role.SUBMITTER, "anonymous", null);
  }

  /** True when this caller may see and steer only the jobs it submitted. */
  public boolean ownJobsOnly() {
    return !role.atLeast(Role.OPERATOR);
  }
}
