package dev.omnivibe.engine.adapters.neo4j;

import dev.omnivibe.engine.store.ApiClient;
import dev.omnivibe.engine.store.MetricRollup;
import dev.omnivibe.engine.store.Presentation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;

/** The catalog's side of the Neo4j store: presentations, API clients and metric roll-ups. */
final class Neo4jCatalog {
  private final Neo4jStore store;

  Neo4jCatalog(Neo4jStore store) {
    this.store = store;
  }

  public void savePresentation(Presentation pr) {
    store.write(
        tx ->
            tx.run(
                    "MERGE (p:Presentation {id: $id}) SET p.name = $name, p.slides = $slides, "
                        + "p.durationSeconds = $duration, p.createdNanos = $created",
                    Map.of(
                        "id",
                        pr.id(),
                        "name",
                        pr.name(),
                        "slides",
                        (long) pr.slides(),
                        "duration",
                        pr.durationSeconds(),
                        "created",
                        Neo4jJobs.nanos(pr.createdAt())))
                .consume());
  }

  public Optional<Presentation> presentation(String id) {
    return store
        .read(
            tx ->
                tx.run(
                        "MATCH (p:Presentation {id: $id}) WHERE p.name IS NOT NULL RETURN p",
                        Map.of("id", id))
                    .list())
        .stream()
        .findFirst()
        .map(
            r -> {
              Value p = r.get("p");
              return new Presentation(
                  p.get("id").asString(),
                  p.get("name").asString(),
                  p.get("slides").asInt(),
                  p.get("durationSeconds").asDouble(),
                  Neo4jJobs.instant(p.get("createdNanos").asLong()));
            });
  }

  public void saveClient(ApiClient c) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", c.id());
    p.put("name", c.name());
    p.put("hash", c.tokenHash());
    p.put("created", Neo4jJobs.nanos(c.createdAt()));
    p.put("used", c.lastUsedAt() == null ? null : Neo4jJobs.nanos(c.lastUsedAt()));
    p.put("role", c.role());
    p.put("rate", c.ratePerSecond());
    store.write(
        tx ->
            tx.run(
                    "MERGE (c:ApiClient {id: $id}) SET c.name = $name, c.tokenHash = $hash, "
                        + "c.createdNanos = $created, c.lastUsedNanos = $used, c.role = $role, "
                        + "c.ratePerSecond = $rate",
                    p)
                .consume());
  }

  public Optional<ApiClient> client(String id) {
    return clientsWhere("c.id = $v", id).stream().findFirst();
  }

  public Optional<ApiClient> clientByTokenHash(String tokenHash) {
    return clientsWhere("c.tokenHash = $v", tokenHash).stream().findFirst();
  }

  public List<ApiClient> clients() {
    return clientsWhere("true", "");
  }

  private List<ApiClient> clientsWhere(String condition, String v) {
    return store
        .read(
            tx ->
                tx.run(
                        "MATCH (c:ApiClient) WHERE "
                            + condition
                            + " RETURN c ORDER BY c.createdNanos, c.id",
                        Map.of("v", v))
                    .list())
        .stream()
        .map(
            r -> {
              Value c = r.get("c");
              Value used = c.get("lastUsedNanos");
              Value rate = c.get("ratePerSecond");
              return new ApiClient(
                  c.get("id").asString(),
                  c.get("name").asString(),
                  c.get("tokenHash").asString(),
                  Neo4jJobs.instant(c.get("createdNanos").asLong()),
                  used.isNull() ? null : Neo4jJobs.instant(used.asLong()),
                  c.get("role").isNull() ? null : c.get("role").asString(),
                  rate.isNull() ? null : rate.asDouble());
            })
        .toList();
  }

  public boolean deleteClient(String id) {
    return store.write(
            tx ->
                tx.run(
                        "MATCH (c:ApiClient {id: $id}) DETACH DELETE c RETURN count(*) AS n",
                        Map.of("id", id))
                    .single()
                    .get("n")
                    .asLong())
        > 0;
  }

  public void saveRollups(Collection<MetricRollup> batch) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MetricRollup r : batch) {
      Map<String, Object> m = new HashMap<>();
      m.put("key", r.key());
      m.put("category", r.category());
      m.put("operation", r.operation());
      m.put("minute", Neo4jJobs.nanos(r.minute()));
      m.put("count", r.count());
      m.put("failures", r.failures());
      m.put("sum", r.sumMillis());
      m.put("min", r.minMillis());
      m.put("max", r.maxMillis());
      m.put("histogram", r.histogram());
      rows.add(m);
    }
    // One round trip for the whole batch (UNWIND), in one transaction.
    store.write(
        tx ->
            tx.run(
                    "UNWIND $rows AS row MERGE (r:Rollup {key: row.key}) SET r.category = row.category, "
                        + "r.operation = row.operation, r.minute = row.minute, r.count = row.count, "
                        + "r.failures = row.failures, r.sum = row.sum, r.min = row.min, r.max = row.max, "
                        + "r.histogram = row.histogram",
                    Map.of("rows", rows))
                .consume());
  }

  public List<MetricRollup> rollups(Instant from, Instant to) {
    return store
        .read(
            tx ->
                tx.run(
                        "MATCH (r:Rollup) WHERE r.minute >= $from AND r.minute < $to RETURN r ORDER BY r.minute, r.key",
                        Map.of("from", Neo4jJobs.nanos(from), "to", Neo4jJobs.nanos(to)))
                    .list())
        .stream()
        .map(
            rec -> {
              Value r = rec.get("r");
              return new MetricRollup(
                  r.get("category").asString(),
                  r.get("operation").asString(),
                  Neo4jJobs.instant(r.get("minute").asLong()),
                  r.get("count").asLong(),
                  r.get("failures").asLong(),
                  r.get("sum").asDouble(),
                  r.get("min").asDouble(),
                  r.get("max").asDouble(),
                  r.get("histogram").asByteArray());
            })
        .toList();
  }

  public int deleteRollupsBefore(Instant before) {
    return store.write(
        tx ->
            (int)
                tx.run(
                        "MATCH (r:Rollup) WHERE r.minute < $before DETACH DELETE r RETURN count(*) AS n",
                        Map.of("before", Neo4jJobs.nanos(before)))
                    .single()
                    .get("n")
                    .asLong());
  }
}
