package dev.omnivibe.engine.store;

import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.RenderJob;
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
      "id, state, queue, priority, rank, version, dedup_key," + " created_ms, finished_ms, doc";
  private final Path file;
  private final Connection db;
  // Reused: preparing costs about as much as a small write.
  private PreparedStatement insertJob;
  private PreparedStatement updateJob;

  private SqliteStore(Path file, Connection db) {
    this.file = file;
    this.db = db;
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
      closeQuietly(c);
      throw translate(abs, "open", e);
    } catch (StoreException e) {
      closeQuietly(c);
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
      throw translate(file, "read the schema version of", e);
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
      inTransaction(
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
  public synchronized void insert(RenderJob job) {
    try {
      if (insertJob == null) {
        insertJob =
            db.prepareStatement(
                "INSERT INTO jobs (" + JOB_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)");
      }
      bindJob(insertJob, job, 1);
      // One statement in autocommit mode is its own transaction.
      insertJob.executeUpdate();
    } catch (SQLException e) {
      if (e instanceof SQLiteException se
          && se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
        throw new StoreException("a job with id " + job.id() + " already exists");
      }
      throw translate(file, "insert job " + job.id() + " into", e);
    }
  }

  @Override
  public synchronized void update(RenderJob job) {
    updateAll(List.of(job));
  }

  @Override
  public synchronized void updateAll(Collection<RenderJob> jobs) {
    if (jobs.size() == 1) {
      try {
        updateOne(jobs.iterator().next());
      } catch (SQLException e) {
        throw translate(file, "update jobs in", e);
      }
      return;
    }
    inTransaction(
        () -> {
          for (RenderJob job : jobs) {
            updateOne(job);
          }
        },
        "update jobs in");
  }

  private void updateOne(RenderJob job) throws SQLException {
    if (updateJob == null) {
      updateJob =
          db.prepareStatement(
              "UPDATE jobs SET id=?, state=?, queue=?, priority=?, rank=?, version=?,"
                  + " dedup_key=?, created_ms=?, finished_ms=?, doc=? WHERE id=? AND version=?");
    }
    bindJob(updateJob, job, 1);
    updateJob.setString(11, job.id());
    updateJob.setLong(12, job.version() - 1);
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

  private static void bindJob(PreparedStatement ps, RenderJob job, int at) throws SQLException {
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
  }

  @Override
  public synchronized Optional<RenderJob> job(String id) {
    List<RenderJob> found = queryJobs("SELECT doc FROM jobs WHERE id=?", List.of(id));
    return found.stream().findFirst();
  }

  @Override
  public synchronized List<RenderJob> jobsIn(Set<JobState> states) {
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
    if (query.cursor() != null) {
      JobCursor c = JobCursor.decode(query.cursor());
      sql.append(" AND (created_ms < ? OR (created_ms = ? AND id < ?))");
      args.add(c.createdMillis());
      args.add(c.createdMillis());
      args.add(c.id());
    }
    sql.append(" ORDER BY created_ms DESC, id DESC LIMIT ?");
    args.add(query.limit() + 1);
    List<RenderJob> page = queryJobs(sql.toString(), args);
    if (page.size() <= query.limit()) {
      return new JobPage(page, null);
    }
    List<RenderJob> shown = page.subList(0, query.limit());
    return new JobPage(shown, JobCursor.of(shown.get(shown.size() - 1)).encode());
  }

  @Override
  public synchronized Optional<RenderJob> latestSucceeded(String dedupKey, Instant finishedAfter) {
    return queryJobs(
            "SELECT doc FROM jobs WHERE dedup_key=? AND state='SUCCEEDED' AND finished_ms >= ?"
                + " ORDER BY finished_ms DESC LIMIT 1",
            List.of(dedupKey, finishedAfter.toEpochMilli()))
        .stream()
        .findFirst();
  }

  @Override
  public synchronized List<RenderJob> succeededSince(Instant since, int limit) {
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
      throw translate(file, "read", e);
    }
  }

  private List<RenderJob> queryJobs(String sql, List<?> args) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<RenderJob> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(JobCodec.read(rs.getString(1)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw translate(file, "read jobs from", e);
    }
  }

  @Override
  public synchronized void savePresentation(Presentation p) {
    inTransaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement("INSERT OR REPLACE INTO presentations VALUES (?,?,?,?,?)")) {
            ps.setString(1, p.id());
            ps.setString(2, p.name());
            ps.setInt(3, p.slides());
            ps.setDouble(4, p.durationSeconds());
            ps.setString(5, p.createdAt().toString());
            ps.executeUpdate();
          }
        },
        "save a presentation in");
  }

  @Override
  public synchronized Optional<Presentation> presentation(String id) {
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM presentations WHERE id=?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Presentation(
                rs.getString("id"),
                rs.getString("name"),
                rs.getInt("slides"),
                rs.getDouble("duration"),
                Instant.parse(rs.getString("created_at"))));
      }
    } catch (SQLException e) {
      throw translate(file, "read presentations from", e);
    }
  }

  @Override
  public synchronized void saveClient(ApiClient c) {
    inTransaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement("INSERT OR REPLACE INTO api_clients VALUES (?,?,?,?,?)")) {
            ps.setString(1, c.id());
            ps.setString(2, c.name());
            ps.setString(3, c.tokenHash());
            ps.setString(4, c.createdAt().toString());
            ps.setString(5, c.lastUsedAt() == null ? null : c.lastUsedAt().toString());
            ps.executeUpdate();
          }
        },
        "save an API client in");
  }

  @Override
  public synchronized Optional<ApiClient> client(String id) {
    return queryClients("SELECT * FROM api_clients WHERE id=?", id).stream().findFirst();
  }

  @Override
  public synchronized Optional<ApiClient> clientByTokenHash(String tokenHash) {
    return queryClients("SELECT * FROM api_clients WHERE token_hash=?", tokenHash).stream()
        .findFirst();
  }

  @Override
  public synchronized List<ApiClient> clients() {
    return queryClients("SELECT * FROM api_clients ORDER BY id", null);
  }

  private List<ApiClient> queryClients(String sql, String arg) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      List<ApiClient> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String used = rs.getString("last_used_at");
          out.add(
              new ApiClient(
                  rs.getString("id"),
                  rs.getString("name"),
                  rs.getString("token_hash"),
                  Instant.parse(rs.getString("created_at")),
                  used == null ? null : Instant.parse(used)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw translate(file, "read API clients from", e);
    }
  }

  @Override
  public synchronized boolean deleteClient(String id) {
    try (PreparedStatement ps = db.prepareStatement("DELETE FROM api_clients WHERE id=?")) {
      ps.setString(1, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw translate(file, "delete an API client from", e);
    }
  }

  @Override
  public synchronized void saveRollups(Collection<MetricRollup> rollups) {
    inTransaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "INSERT OR REPLACE INTO metric_rollups VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (MetricRollup r : rollups) {
              ps.setString(1, r.category());
              ps.setString(2, r.operation());
              ps.setLong(3, r.minute().getEpochSecond());
              ps.setLong(4, r.count());
              ps.setLong(5, r.failures());
              ps.setDouble(6, r.sumMillis());
              ps.setDouble(7, r.minMillis());
              ps.setDouble(8, r.maxMillis());
              ps.setBytes(9, r.histogram());
              ps.addBatch();
            }
            ps.executeBatch();
          }
        },
        "save metric roll-ups in");
  }

  @Override
  public synchronized List<MetricRollup> rollups(Instant from, Instant to) {
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT * FROM metric_rollups WHERE minute >= ? AND minute < ?"
                + " ORDER BY minute, category, operation")) {
      ps.setLong(1, from.getEpochSecond());
      ps.setLong(2, to.getEpochSecond());
      List<MetricRollup> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new MetricRollup(
                  rs.getString("category"),
                  rs.getString("operation"),
                  Instant.ofEpochSecond(rs.getLong("minute")),
                  rs.getLong("count"),
                  rs.getLong("failures"),
                  rs.getDouble("sum_ms"),
                  rs.getDouble("min_ms"),
                  rs.getDouble("max_ms"),
                  rs.getBytes("histogram")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw translate(file, "read metric roll-ups from", e);
    }
  }

  @Override
  public synchronized int deleteRollupsBefore(Instant before) {
    try (PreparedStatement ps =
        db.prepareStatement("DELETE FROM metric_rollups WHERE minute < ?")) {
      ps.setLong(1, before.getEpochSecond());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw translate(file, "delete metric roll-ups from", e);
    }
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
    closeQuietly(db);
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void inTransaction(SqlWork work, String what) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(file, what, e);
    }
  }

  private static StoreException translate(Path file, String what, SQLException e) {
    String why = e.getMessage();
    if (e instanceof SQLiteException se) {
      SQLiteErrorCode code = se.getResultCode();
      why =
          switch (code) {
            case SQLITE_FULL -> "the disk is full";
            case SQLITE_NOTADB -> "the file is not a SQLite database (damaged?); move it aside";
            case SQLITE_READONLY, SQLITE_READONLY_DIRECTORY -> "the file is read-only";
            case SQLITE_CANTOPEN -> "the file cannot be opened (permissions or missing folder)";
            case SQLITE_CORRUPT -> "the database is damaged; restore it or move it aside";
            default -> code.message;
          };
    }
    return new StoreException("cannot " + what + " the job store " + file + ": " + why, e);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing after a failure; the first error is the one reported
      }
    }
  }
}
