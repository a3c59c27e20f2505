package dev.omnivibe.api.loadtest;

import java.time.Duration;

/**
 * How to run a load test.
 *
 * @param users concurrent virtual users (closed model) or the most requests in flight (open model)
 * @param requests measured requests to send; 0 when {@code duration} bounds the run
 * @param duration measured time; null when {@code requests} bounds the run
 * @param rate requests per second for the open model (fixed arrival rate); 0 for the closed model
 * @param warmup not measured: a time, or for request-bounded runs {@code warmupRequests} extra
 *     requests first
 */
public record LoadTestConfig(
    String baseUrl,
    Scenario scenario,
    int users,
    long requests,
    Duration duration,
    double rate,
    String token,
    Duration warmup,
    long warmupRequests,
    Duration timeout) {

  public LoadTestConfig {
    if (users < 1) {
      throw new IllegalArgumentException("--users must be at least 1");
    }
    if ((requests > 0) == (duration != null)) {
      throw new IllegalArgumentException("give either --requests or --duration");
    }
    if (token != null && (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0)) {
      throw new IllegalArgumentException("--token must be one line");
    }
    if (rate < 0) {
      throw new IllegalArgumentException("--rate must be positive");
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException(
          "--base-url must start with http:// or https://, got " + baseUrl);
    }
  }
}
