package dev.omnivibe.engine.adapters.sqlite;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The default store: one SQLite file in WAL mode (readers never wait for the writer) with versioned
 * migrations. One connection, used by one thread at a time: SQLite has a single writer anyway, and
 * a job write is a few tens of microseconds.
 */
public final class SqliteStore implements Store {
  private static final String JOB_COLUMNS =
      "id, state, queue, priority, rank, version, dedup_key, created_ms, finished_ms, doc,"
          + " submitted_by";
  private final Path file;
  private final Connection db;
  // Reused: preparing costs about as much as a small write.
  private PreparedStatement insertJob;
  private PreparedStatement updateJob;

  private final SqliteSql tx;
  private final SqliteCatalog catalog;

  private SqliteStore(Path file, Connection db) {
    this.file = file;
    this.db = db;
    this.tx = new SqliteSql(file, db);
    this.catalog = new SqliteCatalog(db, tx);
  }

  /**
   * Opens or creates the store and brings its schema up to date.
   *
   * @throws StoreException naming the file when it cannot be opened, is not a SQLite database, or
   *     was written by a newer version
   */
  public static SqliteStore open(Path file) {
    Path abs = file.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw new StoreException("cannot create the folder for the job store " + abs + ": " + e, e);
    }
    Connection c = null;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + abs);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts the file.
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
      }
      SqliteStore store = new SqliteStore(abs, c);
      store.migrate();
      return store;
    } catch (SQLException e) {
      SqliteSql.closeQuietly(c);
      throw SqliteSql.translate(abs, "open", e);
    } catch (StoreException e) {
      SqliteSql.closeQuietly(c);
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  /** The schema version of the file. */
  public synchronized int schemaVersion() {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw tx.translate("read the schema version of", e);
    }
  }

  private void migrate() throws SQLException {
    int current = schemaVersion();
    if (current > Migrations.latest()) {
      throw new StoreException(
          "the job store "
              + file
              + " has schema version "
              + current
              + ", newer than this OmniVibe understands ("
              + Migrations.latest()
              + "); use a newer version or move the file aside");
    }
    for (int v = current + 1; v <= Migrations.latest(); v++) {
      int version = v;
      tx.inTransaction(
          () -> {
            try (Statement s = db.createStatement()) {
              for (String sql : Migrations.VERSIONS.get(version - 1)) {
                s.execute(sql);
              }
              s.execute("PRAGMA user_version=" + version);
            }
          },
          "migrate");
    }
  }

  @Override
  public synchronized void insert(Job job) {
    try {
      if (insertJob == null) {
        insertJob =
            db.prepareStatement(
                "INSERT INTO jobs (" + JOB_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
      }
      bindJob(insertJob, job, 1);
      // One statement in autocommit mode is its own transaction.
      insertJob.executeUpdate();
    } catch (SQLException e) {
      if (e instanceof SQLiteException se
          && se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
        throw new StoreException("a job with id " + job.id() + " already exists");
      }
      throw tx.translate("insert job " + job.id() + " into", e);
    }
  }

  @Override
  public synchronized void update(Job job) {
    updateAll(List.of(job));
  }

  @Override
  public synchronized void updateAll(Collection<Job> jobs) {
    if (jobs.size() == 1) {
      try {
        updateOne(jobs.iterator().next());
      } catch (SQLException e) {
        throw tx.translate("update jobs in", e);
      }
      return;
    }
    tx.inTransaction(
        () -> {
          for (Job job : jobs) {
            updateOne(job);
          }
        },
        "update jobs in");
  }

  private void updateOne(Job job) throws SQLException {
    if (updateJob == null) {
      updateJob =
          db.prepareStatement(
              "UPDATE jobs SET id=?, state=?, queue=?, priority=?, rank=?, version=?,"
                  + " dedup_key=?, created_ms=?, finished_ms=?, doc=?, submitted_by=?"
                  + " WHERE id=? AND version=?");
    }
    bindJob(updateJob, job, 1);
    updateJob.setString(12, job.id());
    updateJob.setLong(13, job.version() - 1);
    if (updateJob.executeUpdate() != 1) {
      long stored = storedVersion(job.id());
      if (stored < 0) {
        throw new StoreException("no job with id " + job.id() + " to update");
      }
      throw new StaleJobException(job.id(), job.version() - 1, stored);
    }
  }

  private long storedVersion(String id) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT version FROM jobs WHERE id=?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  private static void bindJob(PreparedStatement ps, Job job, int at) throws SQLException {
    ps.setString(at, job.id());
    ps.setString(at + 1, job.state().name());
    ps.setString(at + 2, job.queue().id());
    ps.setInt(at + 3, job.priority());
    ps.setLong(at + 4, job.rank());
    ps.setLong(at + 5, job.version());
    ps.setString(at + 6, job.dedupKey());
    ps.setLong(at + 7, job.createdAt().toEpochMilli());
    if (job.finishedAt() == null) {
      ps.setNull(at + 8, Types.INTEGER);
    } else {
      ps.setLong(at + 8, job.finishedAt().toEpochMilli());
    }
    ps.setString(at + 9, JobCodec.write(job));
    ps.setString(at + 10, job.submittedBy());
  }

  @Override
  public synchronized Optional<Job> job(String id) {
    List<Job> found = queryJobs("SELECT doc FROM jobs WHERE id=?", List.of(id));
    return found.stream().findFirst();
  }

  @Override
  public synchronized List<Job> jobsIn(Set<JobState> states) {
    if (states.isEmpty()) {
      return List.of();
    }
    String marks = states.stream().map(s -> "?").collect(Collectors.joining(","));
    return queryJobs(
        "SELECT doc FROM jobs WHERE state IN (" + marks + ") ORDER BY created_ms, id",
        states.stream().map(s -> (Object) s.name()).toList());
  }

  @Override
  public synchronized JobPage jobs(JobQuery query) {
    StringBuilder sql = new StringBuilder("SELECT doc FROM jobs WHERE 1=1");
    List<Object> args = new ArrayList<>();
    if (!query.states().isEmpty()) {
      sql.append(" AND state IN (")
          .append(query.states().stream().map(s -> "?").collect(Collectors.joining(",")))
          .append(")");
      query.states().forEach(s -> args.add(s.name()));
    }
    if (query.queue() != null) {
      sql.append(" AND queue=?");
      args.add(query.queue().id());
    }
    if (query.submittedBy() != null) {
      sql.append(" AND submitted_by=?");
      args.add(query.submittedBy());
    }
    if (query.cursor() != null) {
      JobCursor c = JobCursor.decode(query.cursor());
      sql.append(" AND (created_ms < ? OR (created_ms = ? AND id < ?))");
      args.add(c.createdMillis());
      args.add(c.createdMillis());
      args.add(c.id());
    }
    sql.append(" ORDER BY created_ms DESC, id DESC LIMIT ?");
    args.add(query.limit() + 1);
    List<Job> page = queryJobs(sql.toString(), args);
    if (page.size() <= query.limit()) {
      return new JobPage(page, null);
    }
    List<Job> shown = page.subList(0, query.limit());
    return new JobPage(shown, JobCursor.of(shown.get(shown.size() - 1)).encode());
  }

  @Override
  public synchronized Optional<Job> latestSucceeded(String dedupKey, Instant finishedAfter) {
    return queryJobs(
            "SELECT doc FROM jobs WHERE dedup_key=? AND state='SUCCEEDED' AND finished_ms >= ?"
                + " ORDER BY finished_ms DESC LIMIT 1",
            List.of(dedupKey, finishedAfter.toEpochMilli()))
        .stream()
        .findFirst();
  }

  @Override
  public synchronized List<Job> succeededSince(Instant since, int limit) {
    return queryJobs(
        "SELECT doc FROM jobs WHERE state='SUCCEEDED' AND finished_ms >= ?"
            + " ORDER BY finished_ms DESC LIMIT ?",
        List.of(since.toEpochMilli(), limit));
  }

  @Override
  public synchronized long maxRank() {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(rank), 0) FROM jobs")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw tx.translate("read", e);
    }
  }

  private List<Job> queryJobs(String sql, List<?> args) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<Job> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(JobCodec.read(rs.getString(1)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw tx.translate("read jobs from", e);
    }
  }

  @Override
  public synchronized void savePresentation(Presentation p) {
    catalog.savePresentation(p);
  }

  @Override
  public synchronized Optional<Presentation> presentation(String id) {
    return catalog.presentation(id);
  }

  @Override
  public synchronized void saveClient(ApiClient c) {
    catalog.saveClient(c);
  }

  @Override
  public synchronized Optional<ApiClient> client(String id) {
    return catalog.client(id);
  }

  @Override
  public synchronized Optional<ApiClient> clientByTokenHash(String tokenHash) {
    return catalog.clientByTokenHash(tokenHash);
  }

  @Override
  public synchronized List<ApiClient> clients() {
    return catalog.clients();
  }

  @Override
  public synchronized boolean deleteClient(String id) {
    return catalog.deleteClient(id);
  }

  @Override
  public synchronized void saveRollups(Collection<MetricRollup> rollups) {
    catalog.saveRollups(rollups);
  }

  @Override
  public synchronized List<MetricRollup> rollups(Instant from, Instant to) {
    return catalog.rollups(from, to);
  }

  @Override
  public synchronized int deleteRollupsBefore(Instant before) {
    return catalog.deleteRollupsBefore(before);
  }

  @Override
  public synchronized void close() {
    for (PreparedStatement ps : new PreparedStatement[] {insertJob, updateJob}) {
      try {
        if (ps != null) {
          ps.close();
        }
      } catch (SQLException ignored) {
        // closing; the connection goes next
      }
    }
    SqliteSql.closeQuietly(db);
  }
}
