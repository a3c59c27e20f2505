package dev.omnivibe.api.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per key: {@code burst} requests at once, refilled at a rate per second. Each
 * key may have its own rate (tokens carry their own limits); buckets of keys not seen for ten
 * minutes are dropped so keys that never come back (addresses of bad callers) do not pile up.
 */
public final class RateLimiter {
  private static final long IDLE_NANOS = 600_000_000_000L;
  private final double perSecond;
  private final int burst;
  private final LongSupplier nanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile long lastSweep;

  /** A limiter whose keys share one rate. */
  public RateLimiter(double perSecond, int burst, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanos = nanos;
    this.lastSweep = nanos.getAsLong();
  }

  /** 0 when the request may go ahead, else the seconds to wait before trying again. */
  public long acquire(String key) {
    return acquire(key, perSecond, burst);
  }

  /**
   * As {@link #acquire(String)} with the key's own rate; a rate of 0 means no limit.
   *
   * @return 0 when the request may go ahead, else the seconds to wait
   */
  public long acquire(String key, double rate, int size) {
    if (rate <= 0) {
      return 0;
    }
    sweep();
    return buckets.computeIfAbsent(key, k -> new Bucket(size, nanos.getAsLong())).take(rate, size);
  }

  /** Seconds until {@code key} may try again, without using up anything; 0 when it may now. */
  public long waitFor(String key) {
    Bucket b = buckets.get(key);
    return b == null ? 0 : b.waitFor(perSecond, burst);
  }

  private void sweep() {
    long now = nanos.getAsLong();
    if (now - lastSweep < IDLE_NANOS) {
      return;
    }
    lastSweep = now;
    buckets.values().removeIf(b -> now - b.at > IDLE_NANOS);
  }

  private final class Bucket {
    private double tokens;
    private volatile long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }

    synchronized long take(double rate, int size) {
      refill(rate, size);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / rate);
    }

    synchronized long waitFor(double rate, int size) {
      refill(rate, size);
      return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate);
    }

    private void refill(double rate, int size) {
      long now = nanos.getAsLong();
      tokens = Math.min(size, tokens + (now - at) / 1e9 * rate);
      at = now;
    }
  }
}
