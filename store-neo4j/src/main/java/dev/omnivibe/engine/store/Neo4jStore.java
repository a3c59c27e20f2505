package dev.omnivibe.engine.store;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * The catalog in Neo4j, for studios: {@code (:User)-[:SUBMITTED]->(:Job)-[:RENDERS]->
 * (:Presentation)-[:HAS_SLIDE]->(:Slide)-[:USES]->(:Asset)}, with API clients and metric roll-ups
 * beside it. A job node keeps its full document ({@code doc}, the same JSON as the SQLite store)
 * plus the properties the queries filter and sort on.
 *
 * <p>Optimistic writes take the node's write lock first and then compare versions, so two writers
 * can never both move a job (Neo4j reads are read-committed; the lock makes the compare-and-set
 * safe).
 */
public final class Neo4jStore implements Store {
  private final Driver driver;
  private final String database;
  private final String where;

  private Neo4jStore(Driver driver, String database, String where) {
    this.driver = driver;
    this.database = database;
    this.where = where;
  }

  /**
   * Connects, checks the server answers, and creates constraints and indexes ({@code IF NOT
   * EXISTS}).
   *
   * @param user null for a server without authentication
   * @throws StoreException naming the URI when Neo4j cannot be reached or refuses the login
   */
  public static Neo4jStore connect(String uri, String user, String password, String database) {
    AuthToken auth = user == null ? AuthTokens.none() : AuthTokens.basic(user, password);
    Driver driver;
    try {
      driver = GraphDatabase.driver(uri, auth);
      driver.verifyConnectivity();
    } catch (IllegalArgumentException | Neo4jException e) {
      throw new StoreException(
          "cannot reach the Neo4j catalog at "
              + uri
              + ": "
              + e.getMessage()
              + " (check neo4j.uri, that the server runs, and the credentials)",
          e);
    }
    Neo4jStore store = new Neo4jStore(driver, database, "Neo4j at " + uri);
    try {
      store.schema();
    } catch (RuntimeException e) {
      driver.close();
      throw e;
    }
    return store;
  }

  private void schema() {
    for (String statement : Neo4jSchema.STATEMENTS) {
      write(tx -> tx.run(statement).consume());
    }
  }

  private SessionConfig session() {
    return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
  }

  /** Runs {@code work} in a write transaction; backend failures become {@link StoreException}. */
  public <T> T write(java.util.function.Function<TransactionContext, T> work) {
    return inSession(true, work);
  }

  /** Runs {@code work} in a read transaction. */
  public <T> T read(java.util.function.Function<TransactionContext, T> work) {
    return inSession(false, work);
  }

  private <T> T inSession(boolean write, java.util.function.Function<TransactionContext, T> work) {
    try (var s = driver.session(session())) {
      return write ? s.executeWrite(work::apply) : s.executeRead(work::apply);
    } catch (ServiceUnavailableException e) {
      throw new StoreException(where + " is unavailable: " + e.getMessage(), e);
    } catch (Neo4jException e) {
      // Our own StoreException (a stale version) is not a Neo4jException and passes through.
      throw new StoreException(where + ": " + e.getMessage(), e);
    }
  }

  /** The driver, for the catalog query helpers. */
  public Driver driver() {
    return driver;
  }

  // ---- jobs

  @Override
  public void insert(Job job) {
    try {
      write(
          tx -> {
            tx.run(Neo4jJobs.INSERT, Neo4jJobs.insertParams(job)).consume();
            return null;
          });
    } catch (StoreException e) {
      if (e.getCause() instanceof ClientException c
          && c.code().contains("ConstraintValidationFailed")) {
        throw new StoreException("job " + job.id() + " already exists in " + where, e);
      }
      throw e;
    }
  }

  @Override
  public void update(Job job) {
    write(
        tx -> {
          compareAndSet(tx, job);
          return null;
        });
  }

  @Override
  public void updateAll(Collection<Job> jobs) {
    // One transaction: a stale job throws inside it, and everything written so far rolls back.
    write(
        tx -> {
          for (Job j : jobs) {
            compareAndSet(tx, j);
          }
          return null;
        });
  }

  private void compareAndSet(TransactionContext tx, Job job) {
    var rows = tx.run(Neo4jJobs.LOCK_AND_READ_VERSION, Map.of("id", job.id())).list();
    if (rows.isEmpty()) {
      throw new StoreException("job " + job.id() + " is not in " + where);
    }
    long stored = rows.get(0).get("version").asLong();
    if (stored != job.version() - 1) {
      throw new StaleJobException(job.id(), job.version() - 1, stored);
    }
    tx.run(Neo4jJobs.UPDATE, Neo4jJobs.updateParams(job)).consume();
  }

  @Override
  public Optional<Job> job(String id) {
    return read(
            tx -> tx.run("MATCH (j:Job {id: $id}) RETURN j.doc AS doc", Map.of("id", id)).list())
        .stream()
        .findFirst()
        .map(Neo4jStore::doc);
  }

  @Override
  public List<Job> jobsIn(Set<JobState> states) {
    List<String> names = states.stream().map(Enum::name).toList();
    return read(
            tx ->
                tx.run(
                        "MATCH (j:Job) WHERE j.state IN $states RETURN j.doc AS doc ORDER BY j.createdMillis, j.id",
                        Map.of("states", names))
                    .list())
        .stream()
        .map(Neo4jStore::doc)
        .toList();
  }

  @Override
  public JobPage jobs(JobQuery query) {
    JobCursor after = query.cursor() == null ? null : JobCursor.decode(query.cursor());
    Map<String, Object> p = new HashMap<>();
    p.put("states", query.states().stream().map(Enum::name).toList());
    p.put("queue", query.queue() == null ? null : query.queue().name());
    p.put("by", query.submittedBy());
    p.put("cm", after == null ? null : after.createdMillis());
    p.put("cid", after == null ? null : after.id());
    p.put("limit", query.limit() + 1L);
    List<Job> page =
        read(tx -> tx.run(Neo4jJobs.PAGE, p).list()).stream().map(Neo4jStore::doc).toList();
    if (page.size() <= query.limit()) {
      return new JobPage(page, null);
    }
    List<Job> shown = page.subList(0, query.limit());
    return new JobPage(shown, JobCursor.of(shown.get(shown.size() - 1)).encode());
  }

  @Override
  public Optional<Job> latestSucceeded(String dedupKey, Instant finishedAfter) {
    return read(
            tx ->
                tx.run(
                        "MATCH (j:Job {dedupKey: $key, state: 'SUCCEEDED'}) WHERE j.finishedNanos >= $after "
                            + "RETURN j.doc AS doc ORDER BY j.finishedNanos DESC LIMIT 1",
                        Map.of("key", dedupKey, "after", Neo4jJobs.nanos(finishedAfter)))
                    .list())
        .stream()
        .findFirst()
        .map(Neo4jStore::doc);
  }

  @Override
  public List<Job> succeededSince(Instant since, int limit) {
    return read(
            tx ->
                tx.run(
                        "MATCH (j:Job {state: 'SUCCEEDED'}) WHERE j.finishedNanos >= $since "
                            + "RETURN j.doc AS doc ORDER BY j.finishedNanos DESC LIMIT $limit",
                        Map.of("since", Neo4jJobs.nanos(since), "limit", (long) limit))
                    .list())
        .stream()
        .map(Neo4jStore::doc)
        .toList();
  }

  @Override
  public long maxRank() {
    return read(
        tx ->
            tx.run("MATCH (j:Job) RETURN coalesce(max(j.rank), 0) AS r")
                .single()
                .get("r")
                .asLong());
  }

  private static Job doc(Record r) {
    return JobCodec.read(r.get("doc").asString());
  }

  // ---- presentations, clients, roll-ups

  @Override
  public void savePresentation(Presentation pr) {
    write(
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

  @Override
  public Optional<Presentation> presentation(String id) {
    return read(
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

  @Override
  public void saveClient(ApiClient c) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", c.id());
    p.put("name", c.name());
    p.put("hash", c.tokenHash());
    p.put("created", Neo4jJobs.nanos(c.createdAt()));
    p.put("used", c.lastUsedAt() == null ? null : Neo4jJobs.nanos(c.lastUsedAt()));
    p.put("role", c.role());
    p.put("rate", c.ratePerSecond());
    write(
        tx ->
            tx.run(
                    "MERGE (c:ApiClient {id: $id}) SET c.name = $name, c.tokenHash = $hash, "
                        + "c.createdNanos = $created, c.lastUsedNanos = $used, c.role = $role, "
                        + "c.ratePerSecond = $rate",
                    p)
                .consume());
  }

  @Override
  public Optional<ApiClient> client(String id) {
    return clientsWhere("c.id = $v", id).stream().findFirst();
  }

  @Override
  public Optional<ApiClient> clientByTokenHash(String tokenHash) {
    return clientsWhere("c.tokenHash = $v", tokenHash).stream().findFirst();
  }

  @Override
  public List<ApiClient> clients() {
    return clientsWhere("true", "");
  }

  private List<ApiClient> clientsWhere(String condition, String v) {
    return read(
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

  @Override
  public boolean deleteClient(String id) {
    return write(
            tx ->
                tx.run(
                        "MATCH (c:ApiClient {id: $id}) DETACH DELETE c RETURN count(*) AS n",
                        Map.of("id", id))
                    .single()
                    .get("n")
                    .asLong())
        > 0;
  }

  @Override
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
    write(
        tx ->
            tx.run(
                    "UNWIND $rows AS row MERGE (r:Rollup {key: row.key}) SET r.category = row.category, "
                        + "r.operation = row.operation, r.minute = row.minute, r.count = row.count, "
                        + "r.failures = row.failures, r.sum = row.sum, r.min = row.min, r.max = row.max, "
                        + "r.histogram = row.histogram",
                    Map.of("rows", rows))
                .consume());
  }

  @Override
  public List<MetricRollup> rollups(Instant from, Instant to) {
    return read(
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

  @Override
  public int deleteRollupsBefore(Instant before) {
    return write(
        tx ->
            (int)
                tx.run(
                        "MATCH (r:Rollup) WHERE r.minute < $before DETACH DELETE r RETURN count(*) AS n",
                        Map.of("before", Neo4jJobs.nanos(before)))
                    .single()
                    .get("n")
                    .asLong());
  }

  @Override
  public void close() {
    driver.close();
  }
}
