package dev.omnivibe.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the HTTP API runs. Defaults are safe: loopback only, CORS off, a 1 MiB JSON cap.
 *
 * <p>Route TTLs for the response cache come from the seed: health 1 min, voice list 5 min,
 * performance insights 10 min, {@code /} 1 h.
 */
public final class ApiConfig {
  public static final int DEFAULT_PORT = 8750;
  String bind = "127.0.0.1";
  int port = DEFAULT_PORT;
  long maxJsonBytes = 1 << 20;
  long maxUploadBytes = 512L << 20;
  Duration slowRequest = Duration.ofSeconds(2);
  int gzipMinBytes = 1024;
  final java.util.EnumMap<dev.omnivibe.api.auth.Role, Double> rates =
      new java.util.EnumMap<>(
          java.util.Map.of(
              dev.omnivibe.api.auth.Role.SUBMITTER, 50.0,
              dev.omnivibe.api.auth.Role.OPERATOR, 200.0,
              dev.omnivibe.api.auth.Role.OWNER, 0.0));
  double failedTokensPerSecond = 2;
  int streamsPerCaller = 8;
  int streamsInTotal = 64;
  final Map<String, Duration> cacheTtls = new LinkedHashMap<>();
  java.util.function.Supplier<java.util.List<dev.omnivibe.engine.studio.NodeInfo>> nodes;

  /** Where {@code GET /api/v1/nodes} reads the studio's nodes; unset, it shows this node only. */
  public ApiConfig nodes(
      java.util.function.Supplier<java.util.List<dev.omnivibe.engine.studio.NodeInfo>> nodes) {
    this.nodes = nodes;
    return this;
  }

  public ApiConfig() {
    cacheTtls.put("/health", Duration.ofMinutes(1));
    cacheTtls.put("/api/v1/voice/list", Duration.ofMinutes(5));
    cacheTtls.put("/api/v1/performance/insights", Duration.ofMinutes(10));
    cacheTtls.put("/api/v1/performance/report", Duration.ofMinutes(1));
    cacheTtls.put("/api/v1/encoders", Duration.ofMinutes(5));
    cacheTtls.put("/api/v1/jobs", Duration.ofSeconds(2));
    cacheTtls.put("/api/v1/queues", Duration.ofSeconds(2));
    cacheTtls.put("/", Duration.ofHours(1));
  }

  /** Address to listen on; anything but loopback opens the API to the network. */
  public ApiConfig bind(String address) {
    this.bind = address;
    return this;
  }

  /** 0 picks a free port. */
  public ApiConfig port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0-65535");
    }
    this.port = port;
    return this;
  }

  public ApiConfig maxUploadBytes(long bytes) {
    this.maxUploadBytes = bytes;
    return this;
  }

  public ApiConfig slowRequest(Duration threshold) {
    this.slowRequest = threshold;
    return this;
  }

  public ApiConfig gzipMinBytes(int bytes) {
    this.gzipMinBytes = bytes;
    return this;
  }

  /**
   * Requests per second for tokens of {@code role} that have no limit of their own (issued with
   * {@code ratePerSecond}); 0 for none. Defaults: submitter 50, operator 200, owner unlimited.
   */
  public ApiConfig rateLimit(dev.omnivibe.api.auth.Role role, double perSecond) {
    if (!(perSecond >= 0)) {
      throw new IllegalArgumentException("a rate limit is 0 (none) or a positive rate");
    }
    rates.put(role, perSecond);
    return this;
  }

  /** Missing or invalid tokens one address may send per second before it is refused outright. */
  public ApiConfig failedTokensPerSecond(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("failed tokens per second must be positive");
    }
    this.failedTokensPerSecond = perSecond;
    return this;
  }

  /** Open event streams allowed per token and on the whole node. */
  public ApiConfig streams(int perCaller, int inTotal) {
    if (perCaller < 1 || inTotal < perCaller) {
      throw new IllegalArgumentException("streams: at least 1 per caller, and no fewer in total");
    }
    this.streamsPerCaller = perCaller;
    this.streamsInTotal = inTotal;
    return this;
  }

  /** Cache TTL of a route template; zero turns caching of that route off. */
  public ApiConfig cacheTtl(String route, Duration ttl) {
    cacheTtls.put(route, ttl);
    return this;
  }
}
