package dev.omnivibe.api.http;

import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.Route;
import dev.omnivibe.api.auth.Caller;
import dev.omnivibe.api.auth.Role;
import dev.omnivibe.api.auth.TokenStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Who may do what, before any handler runs: every request but the open ones shows a valid bearer
 * token and stays within its rate limit (a caller whose tokens keep failing is refused by address
 * before its next token is even looked up), and the token's role must be at least the route's
 * ({@link Route#role()}); HEAD is held to GET's rule.
 */
public final class Gate {
  public static final String CALLER = "omnivibe.caller";
  private final TokenStore tokens;
  private final RateLimiter callers;
  private final RateLimiter failures;
  private final List<Route> routes;
  private final Map<Role, Double> rates;

  /**
   * @param rates requests per second per role for tokens without a limit of their own (0: none)
   * @param failuresPerSecond failed tokens an address may send, sustained (burst: 10 times that)
   */
  public Gate(
      TokenStore tokens, List<Route> routes, Map<Role, Double> rates, double failuresPerSecond) {
    this.tokens = tokens;
    this.rates = Map.copyOf(rates);
    this.callers = new RateLimiter(1, 1, System::nanoTime);
    this.failures =
        new RateLimiter(
            failuresPerSecond, (int) Math.max(1, failuresPerSecond * 10), System::nanoTime);
    this.routes = List.copyOf(routes);
  }

  public static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    return c == null ? Caller.anonymous() : c;
  }

  /** Before routing: the token, the rate limits and the route's role. */
  public void authenticate(Context ctx) {
    String path = ctx.path();
    if (path.equals("/health") || path.equals("/openapi.json")) {
      ctx.attribute(CALLER, Caller.anonymous());
      return;
    }
    String header = ctx.header("Authorization");
    String token = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = header.substring(7).trim();
    }
    String address = "address:" + ctx.ip();
    if (!tokens.isOwner(token)) {
      long wait = failures.waitFor(address);
      if (wait > 0) {
        throw tooMany(ctx, wait, "too many requests with a missing or invalid token");
      }
    }
    Caller caller = tokens.caller(token).orElse(null);
    if (caller == null) {
      failures.acquire(address);
      throw new ApiException(
          401,
          "Unauthorized",
          header == null
              ? "send the API token as 'Authorization: Bearer <token>'"
              : "the token is not valid");
    }
    ctx.attribute(CALLER, caller);
    double rate =
        caller.ratePerSecond() != null
            ? caller.ratePerSecond()
            : rates.getOrDefault(caller.role(), 0.0);
    // A burst of two seconds' worth (at least one request), so a page of requests is not cut.
    long wait = callers.acquire(caller.tokenKey(), rate, (int) Math.max(1, Math.ceil(rate * 2)));
    if (wait > 0) {
      throw tooMany(ctx, wait, "rate limit of this token reached");
    }
    authorize(ctx, caller);
  }

  /**
   * The route's role, from the same table that lists the endpoints; a path no route fits is left to
   * routing (404 or 405).
   */
  private void authorize(Context ctx, Caller caller) {
    String method = ctx.method().name().equals("HEAD") ? "GET" : ctx.method().name();
    Role needed = null;
    for (Route r : routes) {
      if (r.method().equals(method) && r.fits(ctx.path())) {
        needed = r.role();
        break;
      }
    }
    if (needed == null) {
      return;
    }
    if (!caller.role().atLeast(needed)) {
      throw new ApiException(
          403,
          "Forbidden",
          "a "
              + caller.role().id()
              + " token cannot "
              + ctx.method()
              + " "
              + ctx.path()
              + " (it needs "
              + needed.id()
              + ")");
    }
  }

  private static ApiException tooMany(Context ctx, long wait, String why) {
    ctx.header("Retry-After", String.valueOf(wait));
    return new ApiException(429, "Too many requests", why + "; retry in " + wait + " s");
  }
}
