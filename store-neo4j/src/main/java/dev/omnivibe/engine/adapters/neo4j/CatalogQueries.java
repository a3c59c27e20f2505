package dev.omnivibe.engine.adapters.neo4j;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.monitor.Status;
import dev.omnivibe.engine.store.StoreException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * The seed's query optimizer, done with the database's own tools: results cached for a TTL through
 * the {@link Cache} port, queries timed into the performance monitor (category {@code neo4j}) with
 * {@code PROFILE} or {@code EXPLAIN} on request, and batches written with {@code UNWIND} in one
 * transaction.
 */
public final class CatalogQueries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Driver driver;
  private final Cache cache;
  private final PerformanceMonitor monitor;

  public CatalogQueries(Driver driver, Cache cache, PerformanceMonitor monitor) {
    this.driver = driver;
    this.cache = cache;
    this.monitor = monitor;
  }

  /** How to run a profiled query. */
  public enum Mode {
    /** Run it, timing only. */
    RUN,
    /** Run it under {@code PROFILE}: rows plus the executed plan with rows and db hits per step. */
    PROFILE,
    /** Plan it under {@code EXPLAIN}: the plan only; nothing is read or written. */
    EXPLAIN
  }

  /** What a profiled query returned. */
  public record Outcome(List<Map<String, Object>> rows, String plan, long dbHits, double millis) {}

  /**
   * Rows of a read query, answered from the cache for {@code ttl} after the first run. The key is a
   * hash of the query and its parameters, so different parameters never share an answer. Values
   * must be JSON-friendly (strings, numbers, booleans, lists, maps).
   */
  public List<Map<String, Object>> cached(String cypher, Map<String, Object> params, Duration ttl) {
    String key = "neo4j:" + ContentHasher.sha256(cypher + "\n" + json(new TreeMap<>(params)));
    var hit = cache.get(key);
    if (hit.isPresent()) {
      try {
        return JSON.readValue(hit.get(), new TypeReference<List<Map<String, Object>>>() {});
      } catch (IOException e) {
        // A damaged entry is just a miss.
      }
    }
    byte[] rows =
        json(run("cached", cypher, params, Mode.RUN).rows())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    cache.put(key, rows, ttl);
    try {
      // A miss answers in the same form as a hit (JSON numbers, lists, maps), never the driver's.
      return JSON.readValue(rows, new TypeReference<List<Map<String, Object>>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a query, timed under {@code name} in the monitor, with its plan when asked. */
  public Outcome run(String name, String cypher, Map<String, Object> params, Mode mode) {
    String text =
        switch (mode) {
          case RUN -> cypher;
          case PROFILE -> "PROFILE " + cypher;
          case EXPLAIN -> "EXPLAIN " + cypher;
        };
    long start = System.nanoTime();
    try (var session = driver.session()) {
      Outcome out =
          session.executeWrite(
              tx -> {
                Result r = tx.run(text, params);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Record rec : r.list()) {
                  rows.add(rec.asMap());
                }
                ResultSummary s = r.consume();
                String plan = "";
                long hits = 0;
                if (s.hasProfile()) {
                  plan = render(s.profile(), 0);
                  hits = dbHits(s.profile());
                } else if (s.hasPlan()) {
                  plan = render(s.plan(), 0);
                }
                return new Outcome(rows, plan, hits, 0);
              });
      double ms = (System.nanoTime() - start) / 1e6;
      monitor.record(
          name, "neo4j", ms, Status.SUCCESS, Map.of("mode", mode.name(), "dbHits", out.dbHits()));
      return new Outcome(out.rows(), out.plan(), out.dbHits(), ms);
    } catch (RuntimeException e) {
      monitor.record(
          name,
          "neo4j",
          (System.nanoTime() - start) / 1e6,
          Status.ERROR,
          Map.of("mode", mode.name()));
      throw new StoreException("query " + name + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code perRow} once for each row, as {@code UNWIND $rows AS row <perRow>}: one round trip
   * and one transaction, so either every row is written or none is.
   *
   * @return what the batch changed
   */
  public SummaryCounters batch(String name, String perRow, List<Map<String, Object>> rows) {
    long start = System.nanoTime();
    try (var session = driver.session()) {
      SummaryCounters c =
          session.executeWrite(
              tx ->
                  tx.run("UNWIND $rows AS row " + perRow, Map.of("rows", rows))
                      .consume()
                      .counters());
      monitor.record(
          name,
          "neo4j",
          (System.nanoTime() - start) / 1e6,
          Status.SUCCESS,
          Map.of("rows", rows.size()));
      return c;
    } catch (RuntimeException e) {
      monitor.record(
          name,
          "neo4j",
          (System.nanoTime() - start) / 1e6,
          Status.ERROR,
          Map.of("rows", rows.size()));
      throw new StoreException(
          "batch "
              + name
              + " of "
              + rows.size()
              + " rows failed, nothing was written: "
              + e.getMessage(),
          e);
    }
  }

  private static long dbHits(ProfiledPlan p) {
    long hits = p.dbHits();
    for (ProfiledPlan child : p.children()) {
      hits += dbHits(child);
    }
    return hits;
  }

  /** The plan as an indented tree: operator, identifiers, and rows and db hits when profiled. */
  private static String render(Plan p, int depth) {
    StringBuilder s = new StringBuilder("  ".repeat(depth)).append(p.operatorType());
    if (p instanceof ProfiledPlan pp) {
      s.append(" rows=").append(pp.records()).append(" dbHits=").append(pp.dbHits());
    }
    if (!p.identifiers().isEmpty()) {
      s.append(' ').append(p.identifiers());
    }
    s.append('\n');
    for (Plan child : p.children()) {
      s.append(render(child, depth + 1));
    }
    return s.toString();
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "query values must be JSON-friendly: " + e.getMessage(), e);
    }
  }
}
