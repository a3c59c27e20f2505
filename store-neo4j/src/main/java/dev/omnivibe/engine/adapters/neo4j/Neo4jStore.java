package dev.omnivibe.engine.adapters.neo4j;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.store.ApiClient;
import dev.omnivibe.engine.store.JobCodec;
import dev.omnivibe.engine.store.JobCursor;
import dev.omnivibe.engine.store.JobPage;
import dev.omnivibe.engine.store.JobQuery;
import dev.omnivibe.engine.store.MetricRollup;
import dev.omnivibe.engine.store.Presentation;
import dev.omnivibe.engine.store.StaleJobException;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreException;
import java.time.Instant;
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
  private final Neo4jCatalog catalog = new Neo4jCatalog(this);

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

  // ---- presentations, clients, roll-ups: see Neo4jCatalog

  @Override
  public void savePresentation(Presentation pr) {
    catalog.savePresentation(pr);
  }

  @Override
  public Optional<Presentation> presentation(String id) {
    return catalog.presentation(id);
  }

  @Override
  public void saveClient(ApiClient c) {
    catalog.saveClient(c);
  }

  @Override
  public Optional<ApiClient> client(String id) {
    return catalog.client(id);
  }

  @Override
  public Optional<ApiClient> clientByTokenHash(String tokenHash) {
    return catalog.clientByTokenHash(tokenHash);
  }

  @Override
  public List<ApiClient> clients() {
    return catalog.clients();
  }

  @Override
  public boolean deleteClient(String id) {
    return catalog.deleteClient(id);
  }

  @Override
  public void saveRollups(Collection<MetricRollup> batch) {
    catalog.saveRollups(batch);
  }

  @Override
  public List<MetricRollup> rollups(Instant from, Instant to) {
    return catalog.rollups(from, to);
  }

  @Override
  public int deleteRollupsBefore(Instant before) {
    return catalog.deleteRollupsBefore(before);
  }

  @Override
  public void close() {
    driver.close();
  }
}
