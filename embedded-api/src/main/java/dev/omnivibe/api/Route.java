package dev.omnivibe.api;

import dev.omnivibe.api.auth.Role;
import java.util.regex.Pattern;

/**
 * One endpoint and the least role that may call it; the list in {@link ApiServer#ROUTES} is what
 * the gate enforces, what {@code Allow} lists and what the OpenAPI test checks.
 *
 * @param role null for endpoints that need no token
 */
public record Route(String method, String path, Role role) {

  private static final java.util.Map<String, Pattern> PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  public boolean needsToken() {
    return role != null;
  }

  /** True when a concrete request path fits this route's template ({@code /jobs/{id}}). */
  public boolean fits(String requestPath) {
    return PATTERNS
        .computeIfAbsent(path, p -> Pattern.compile(p.replaceAll("\\{[^}]+}", "[^/]+")))
        .matcher(requestPath)
        .matches();
  }
}
