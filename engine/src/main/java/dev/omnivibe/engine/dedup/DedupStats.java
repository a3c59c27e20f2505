package dev.omnivibe.engine.dedup;

/**
 * How often deduplication answered a render submission.
 *
 * @param hits answered at once by an earlier, intact result
 * @param merged joined an identical render that was still open
 * @param misses rendered anew
 * @param stale an earlier result existed but its file was gone or changed
 */
public record DedupStats(long hits, long merged, long misses, long stale) {
  /** Share of submissions that did not need a render of their own; NaN before any. */
  public double hitRate() {
    long all = hits + merged + misses;
    return all == 0 ? Double.NaN : (hits + merged) / (double) all;
  }
}
