package dev.omnivibe.engine.adapters.redis;

import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.cache.CacheStats;
import dev.omnivibe.engine.cache.Counters;
import dev.omnivibe.engine.cache.Glob;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache on Redis (Lettuce), shared by every node of a studio. When Redis cannot be reached the
 * cache misses instead of failing, logs a warning at most every 30 s, counts an error, and keeps
 * trying to reconnect (Lettuce reconnects a dropped connection; a failed first connect is retried
 * at most every 2 s). Pattern deletes use SCAN + UNLINK, never KEYS, so Redis never blocks.
 */
public final class RedisCache implements Cache {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCache.class);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();
  private final RedisClient client;
  private final RedisURI uri;
  private final Counters counters = new Counters();
  private volatile StatefulRedisConnection<String, byte[]> connection;
  // A dropped server is noticed by the next command before the connection reports it closed.
  private volatile boolean lastCommandOk;
  private long nextConnectNanos;
  private long lastWarnNanos = System.nanoTime() - WARN_EVERY_NANOS;

  /**
   * @param uri e.g. {@code redis://127.0.0.1:6379/0}
   * @param timeout for each command; a slow Redis counts as down
   * @throws IllegalArgumentException when the URI cannot be parsed
   */
  public RedisCache(String uri, Duration timeout) {
    try {
      this.uri = RedisURI.create(uri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + uri + "' is not a Redis URI: " + e.getMessage(), e);
    }
    this.uri.setTimeout(timeout);
    this.client = RedisClient.create();
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // Fail fast while disconnected instead of queueing commands until they time out.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
    try {
      commands();
    } catch (RuntimeException e) {
      failed("connect", e);
    }
  }

  private synchronized RedisCommands<String, byte[]> commands() {
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c == null) {
      if (System.nanoTime() < nextConnectNanos) {
        throw new IllegalStateException("Redis at " + where() + " is unreachable (retrying)");
      }
      nextConnectNanos = System.nanoTime() + RETRY.toNanos();
      c = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri);
      connection = c;
      lastCommandOk = true;
      LOG.info("cache connected to Redis at {}", where());
    }
    return c.sync();
  }

  private String where() {
    return uri.getHost() + ":" + uri.getPort();
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      Optional<byte[]> v = Optional.ofNullable(commands().get(key));
      lastCommandOk = true;
      return counters.count(v);
    } catch (RuntimeException e) {
      failed("get", e);
      counters.miss();
      return Optional.empty();
    }
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("cache TTL must be positive, was " + ttl);
    }
    try {
      commands().set(key, value, SetArgs.Builder.px(ttl.toMillis()));
      lastCommandOk = true;
    } catch (RuntimeException e) {
      failed("put", e);
    }
  }

  @Override
  public long invalidate(String glob) {
    Glob.toRegex(glob); // same validation as the in-process cache
    long removed = 0;
    try {
      RedisCommands<String, byte[]> redis = commands();
      ScanArgs args = ScanArgs.Builder.matches(glob).limit(500);
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = redis.scan(cursor, args);
        List<String> keys = page.getKeys();
        if (!keys.isEmpty()) {
          removed += redis.unlink(keys.toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
      lastCommandOk = true;
    } catch (RuntimeException e) {
      failed("invalidate", e);
    }
    return removed;
  }

  private void failed(String what, RuntimeException e) {
    lastCommandOk = false;
    counters.error();
    long now = System.nanoTime();
    boolean warn;
    synchronized (this) {
      warn = now - lastWarnNanos >= WARN_EVERY_NANOS;
      if (warn) {
        lastWarnNanos = now;
      }
    }
    if (warn) {
      LOG.warn(
          "Redis cache at {} unavailable ({} failed: {}); serving uncached",
          where(),
          what,
          e.getMessage());
    }
  }

  @Override
  public String backend() {
    return "redis";
  }

  @Override
  public boolean healthy() {
    StatefulRedisConnection<String, byte[]> c = connection;
    return c != null && c.isOpen() && lastCommandOk;
  }

  @Override
  public CacheStats stats() {
    return counters.snapshot();
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
