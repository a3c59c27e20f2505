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
  double ratePerSecond = 50;
  int rateBurst = 200;
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

  /** Token-bucket limit per caller: sustained requests per second and burst size. */
  public ApiConfig rateLimit(double perSecond, int burst) {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("rate limit needs a positive rate and burst");
    }
    this.ratePerSecond = perSecond;
    this.rateBurst = burst;
    return this;
  }

  /** Cache TTL of a route template; zero turns caching of that route off. */
  public ApiConfig cacheTtl(String route, Duration ttl) {
    cacheTtls.put(route, ttl);
    return this;
  }
}
