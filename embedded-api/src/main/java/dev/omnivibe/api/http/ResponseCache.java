package dev.omnivibe.api.http;

import dev.omnivibe.engine.cache.Cache;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The response cache, with RFC 9111 rules on top of the seed's design:
 *
 * <ul>
 *   <li>only GET and HEAD 2xx responses are stored, with the route's TTL;
 *   <li>every key starts with the node's scope (its data folder's id): nodes that share one Redis
 *       never see each other's entries, and invalidation by pattern stays within the node;
 *   <li>the rest of the key is MD5 over method, path, sorted query, the varying request headers and
 *       the token (a digest of the token itself, so another token, or the same caller after a
 *       rotation, never gets the entry); the path comes first so patterns can invalidate it;
 *   <li>{@code no-store} or {@code private} on the request or the response keeps it out, and {@code
 *       no-cache} on the request skips the lookup;
 *   <li>a hit is served through the same validators as a miss (ETag, 304), with {@code Age}.
 * </ul>
 */
public final class ResponseCache {
  public static final String PREFIX = "omnivibe:http:";

  /** Request headers a representation may vary on besides Accept-Encoding (handled by Send). */
  private static final List<String> VARY = List.of("Accept");

  private final Cache cache;
  private final Map<String, Duration> ttls;
  private final Clock clock;
  private final Function<Context, String> caller;
  private final String prefix;
  private final boolean inProcess;
  private final com.github.benmanes.caffeine.cache.Cache<byte[], CachedEntry> decodedByArray =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(4096).build();

  /**
   * @param scope the node's own part of every key (see {@code Engine.instanceId()})
   * @param caller the token's part of the key
   */
  public ResponseCache(
      Cache cache,
      Map<String, Duration> ttls,
      Clock clock,
      String scope,
      Function<Context, String> caller) {
    if (scope == null || scope.isBlank() || scope.contains("*") || scope.contains("|")) {
      throw new IllegalArgumentException("a cache scope is an id without glob characters");
    }
    this.prefix = PREFIX + scope + ":";
    this.cache = cache;
    this.ttls = Map.copyOf(ttls);
    this.clock = clock;
    this.caller = caller;
    this.inProcess = cache.backend().equals("caffeine");
  }

  public Cache backend() {
    return cache;
  }

  /** The route's handler behind the cache, or the handler itself when the route has no TTL. */
  public Handler wrap(String route, Handler handler) {
    Duration ttl = ttls.get(route);
    if (ttl == null || ttl.isZero() || ttl.isNegative()) {
      return handler;
    }
    return ctx -> serve(ctx, ttl, handler);
  }

  private void serve(Context ctx, Duration ttl, Handler handler) throws Exception {
    String method = ctx.method().name();
    String requestCc = lower(ctx.header(Header.CACHE_CONTROL));
    boolean cacheable =
        (method.equals("GET") || method.equals("HEAD"))
            && !requestCc.contains("no-store")
            && !requestCc.contains("private");
    if (!cacheable) {
      ctx.header("X-Cache", "MISS");
      handler.handle(ctx);
      return;
    }
    String key = key(ctx);
    if (!requestCc.contains("no-cache")) {
      byte[] stored = cache.get(key).orElse(null);
      CachedEntry hit = stored == null ? null : decoded(stored);
      if (hit != null) {
        ctx.header("X-Cache", "HIT");
        long age = Math.max(0, Duration.between(hit.storedAt(), clock.instant()).toSeconds());
        ctx.header(Header.AGE, String.valueOf(age));
        ctx.header(Header.CACHE_CONTROL, hit.cacheControl());
        Send.write(ctx, hit.body(), hit.gzipped());
        return;
      }
    }
    ctx.header("X-Cache", "MISS");
    Body[] captured = new Body[1];
    ctx.attribute(Send.CAPTURE, (java.util.function.Consumer<Body>) b -> captured[0] = b);
    handler.handle(ctx);
    Body body = captured[0];
    String responseCc = lower(ctx.res().getHeader(Header.CACHE_CONTROL));
    if (body == null
        || body.status() / 100 != 2
        || responseCc.contains("no-store")
        || responseCc.contains("private")) {
      return;
    }
    // The server keeps one copy per caller; browsers and proxies must not share it.
    String cc = "private, max-age=" + ttl.toSeconds();
    ctx.header(Header.CACHE_CONTROL, cc);
    byte[] gz = Send.compressible(body.contentType()) ? body.gzipped() : null;
    cache.put(key, new CachedEntry(body, gz, clock.instant(), cc).encode(), ttl);
  }

  /**
   * The in-process cache hands back the same array for the same entry, so its decoding is kept
   * (keys compared by identity and held weakly); Redis returns fresh bytes, which are decoded.
   */
  private CachedEntry decoded(byte[] stored) {
    if (!inProcess) {
      return CachedEntry.decode(stored);
    }
    return decodedByArray.get(stored, CachedEntry::decode);
  }

  /** HEAD shares GET's entry: it is the same representation without the body. */
  String key(Context ctx) {
    StringBuilder s = new StringBuilder("GET").append('\n').append(ctx.path()).append('\n');
    new TreeMap<>(ctx.queryParamMap())
        .forEach(
            (k, v) ->
                v.stream().sorted().forEach(x -> s.append(k).append('=').append(x).append('&')));
    s.append('\n');
    for (String h : VARY) {
      s.append(h).append(':').append(String.valueOf(ctx.header(h))).append('\n');
    }
    s.append(caller.apply(ctx));
    return prefix + ctx.path() + "|" + md5(s.toString());
  }

  /**
   * Removes this node's cached responses whose path matches {@code pathGlob} (e.g. {@code
   * /api/v1/jobs*}); other nodes' entries are out of reach.
   *
   * @return how many entries went
   */
  public long invalidate(String pathGlob) {
    return cache.invalidate(prefix + pathGlob + "|*");
  }

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(() -> Etags.digest("MD5"));

  private static String md5(String s) {
    return HexFormat.of().formatHex(MD5.get().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
