package dev.omnivibe.engine.adapters.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.job.JobResult;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Deduplication across the studio: a finished result is kept under its dedup key for any node to
 * reuse, and the node rendering a key holds a short lease on it, renewed with its heartbeat, so an
 * identical job submitted elsewhere waits for that render instead of running it again.
 */
public final class SharedResults {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RENEW =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then "
          + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";
  // Idempotent: Lettuce re-sends a command whose reply a dropped connection lost, so a claim that
  // Redis already granted arrives a second time. A plain SET NX would answer that replay "taken",
  // and the attempt would wait forever on its own lease, renewing it with every heartbeat.
  private static final String CLAIM =
      "local v = redis.call('GET', KEYS[1]) "
          + "if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end "
          + "if v then return 0 end "
          + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1";
  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
  private final RedisCommands<String, String> redis;
  private final Duration keep;
  private final Duration lease;

  /**
   * @param keep how long a result may be reused (the engine's dedup TTL)
   * @param lease how long a render's hold on its key lasts without renewal
   */
  public SharedResults(RedisCommands<String, String> redis, Duration keep, Duration lease) {
    this.redis = redis;
    this.keep = keep;
    this.lease = lease;
  }

  /** A reusable result for the key whose output file is still there, unchanged in size. */
  public Optional<JobResult> lookup(String key) {
    String stored = redis.get(StreamKeys.result(key));
    if (stored == null) {
      return Optional.empty();
    }
    try {
      JobResult r = JSON.readValue(stored, JobResult.class);
      if (r.output() != null) {
        Path out = Path.of(r.output());
        if (!Files.isRegularFile(out) || Files.size(out) != r.bytes()) {
          return Optional.empty();
        }
      }
      return Optional.of(r);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Takes the lease on a key for one attempt; false while another attempt renders it. Claiming a
   * key this attempt already holds succeeds (and renews the lease).
   */
  public boolean claim(String key, String attempt) {
    Long won =
        redis.eval(
            CLAIM,
            ScriptOutputType.INTEGER,
            new String[] {StreamKeys.rendering(key)},
            attempt,
            Long.toString(lease.toMillis()));
    return won != null && won == 1;
  }

  public void renew(String key, String attempt) {
    redis.eval(
        RENEW,
        ScriptOutputType.INTEGER,
        new String[] {StreamKeys.rendering(key)},
        attempt,
        Long.toString(lease.toMillis()));
  }

  /** Keeps a successful result for reuse and gives up the lease. */
  public void remember(String key, String attempt, JobResult result) {
    try {
      redis.set(
          StreamKeys.result(key),
          JSON.writeValueAsString(result),
          SetArgs.Builder.ex(keep.toSeconds()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    release(key, attempt);
  }

  public void release(String key, String attempt) {
    redis.eval(
        RELEASE, ScriptOutputType.INTEGER, new String[] {StreamKeys.rendering(key)}, attempt);
  }
}
