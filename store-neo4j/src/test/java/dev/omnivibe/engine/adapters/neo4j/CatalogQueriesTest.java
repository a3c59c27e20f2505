package dev.omnivibe.engine.adapters.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import dev.omnivibe.engine.adapters.memory.MemoryStore;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query helpers on the real (harness) Neo4j. */
class CatalogQueriesTest {
  final AtomicLong nanos = new AtomicLong();
  final Ticker ticker = nanos::get;
  final PerformanceMonitor monitor = new PerformanceMonitor(Clock.systemUTC(), new MemoryStore());
  Neo4jStore store;
  CatalogQueries queries;

  @BeforeEach
  void open() {
    store = TestNeo4j.emptyStore();
    queries = new CatalogQueries(store.driver(), new CaffeineCache(1 << 20, ticker), monitor);
  }

  @AfterEach
  void close() {
    store.close();
  }

  long assets() {
    return queries
                .run(
                    "count",
                    "MATCH (a:Asset) RETURN count(a) AS n",
                    Map.of(),
                    CatalogQueries.Mode.RUN)
                .rows()
                .get(0)
                .get("n")
            instanceof Long n
        ? n
        : -1;
  }

  long n(List<Map<String, Object>> rows) {
    return ((Number) rows.get(0).get("n")).longValue();
  }

  @Test
  void aCachedQueryAnswersFromTheCacheUntilItsTtl() {
    queries.run("seed", "CREATE (:Asset {ref: 'a'})", Map.of(), CatalogQueries.Mode.RUN);
    String count = "MATCH (a:Asset) WHERE a.ref STARTS WITH $prefix RETURN count(a) AS n";
    assertThat(n(queries.cached(count, Map.of("prefix", ""), Duration.ofMinutes(5)))).isEqualTo(1);
    queries.run("more", "CREATE (:Asset {ref: 'b'})", Map.of(), CatalogQueries.Mode.RUN);
    assertThat(n(queries.cached(count, Map.of("prefix", ""), Duration.ofMinutes(5))))
        .as("cached")
        .isEqualTo(1);
    assertThat(n(queries.cached(count, Map.of("prefix", "b"), Duration.ofMinutes(5))))
        .as("other parameters")
        .isEqualTo(1);
    nanos.addAndGet(Duration.ofMinutes(6).toNanos());
    assertThat(n(queries.cached(count, Map.of("prefix", ""), Duration.ofMinutes(5))))
        .as("expired")
        .isEqualTo(2);
  }

  @Test
  void profileShowsThePlanWithDbHitsAndExplainChangesNothing() {
    queries.run(
        "seed",
        "CREATE (:Asset {ref: 'a'}), (:Asset {ref: 'b'})",
        Map.of(),
        CatalogQueries.Mode.RUN);
    CatalogQueries.Outcome p =
        queries.run(
            "by-ref",
            "MATCH (a:Asset {ref: $ref}) RETURN a.ref AS ref",
            Map.of("ref", "b"),
            CatalogQueries.Mode.PROFILE);
    assertThat(p.rows()).containsExactly(Map.of("ref", "b"));
    assertThat(p.dbHits()).isPositive();
    assertThat(p.plan()).contains("NodeUniqueIndexSeek").contains("dbHits=");

    CatalogQueries.Outcome e =
        queries.run("explain", "CREATE (:Asset {ref: 'c'})", Map.of(), CatalogQueries.Mode.EXPLAIN);
    assertThat(e.rows()).isEmpty();
    assertThat(e.plan()).contains("Create");
    assertThat(assets()).isEqualTo(2);
    assertThat(monitor.report("neo4j", Duration.ofHours(1)).operations())
        .containsKeys("by-ref", "explain", "seed");
  }

  @Test
  void aBatchIsOneTransactionAllOrNothing() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(Map.of("ref", "asset:" + i));
    }
    var counters = queries.batch("assets", "CREATE (:Asset {ref: row.ref})", rows);
    assertThat(counters.nodesCreated()).isEqualTo(1000);
    assertThat(assets()).isEqualTo(1000);

    List<Map<String, Object>> clash = List.of(Map.of("ref", "new-1"), Map.of("ref", "asset:5"));
    assertThatThrownBy(() -> queries.batch("clash", "CREATE (:Asset {ref: row.ref})", clash))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("2 rows failed, nothing was written");
    assertThat(assets()).isEqualTo(1000);
    assertThat(monitor.report("neo4j", Duration.ofHours(1)).operations().get("clash").failures())
        .isEqualTo(1);
  }
}
