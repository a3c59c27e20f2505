package dev.omnivibe.engine.dedup;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds an earlier successful render with the same key within the TTL whose output is still there,
 * with the size and SHA-256 it had when it was made. Counts hits for the hit rate.
 */
public final class ResultCache {
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  private final Store store;
  private final Clock clock;
  private final Duration ttl;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong merged = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong stale = new AtomicLong();

  public ResultCache(Store store, Clock clock, Duration ttl) {
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** The earlier job whose intact output answers this key, if any. */
  public Optional<Job> lookup(String key) {
    Optional<Job> earlier = store.latestSucceeded(key, clock.instant().minus(ttl));
    if (earlier.isPresent() && !intact(earlier.get().result())) {
      stale.incrementAndGet();
      return Optional.empty();
    }
    return earlier;
  }

  static boolean intact(JobResult r) {
    if (r == null || r.output() == null || r.sha256() == null) {
      return false;
    }
    Path out = Path.of(r.output());
    try {
      return Files.isRegularFile(out)
          && Files.size(out) == r.bytes()
          && ContentHasher.fresh(out).equals(r.sha256());
    } catch (IOException e) {
      return false;
    }
  }

  public void countHit() {
    hits.incrementAndGet();
  }

  public void countMerged() {
    merged.incrementAndGet();
  }

  public void countMiss() {
    misses.incrementAndGet();
  }

  public DedupStats stats() {
    return new DedupStats(hits.get(), merged.get(), misses.get(), stale.get());
  }
}
