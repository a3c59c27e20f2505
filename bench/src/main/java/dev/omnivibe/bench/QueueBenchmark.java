package dev.omnivibe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.adapters.memory.MemoryStore;
import dev.omnivibe.engine.adapters.sqlite.SqliteStore;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.queue.NewJob;
import dev.omnivibe.engine.store.JobCodec;
import dev.omnivibe.engine.store.Store;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Queue and store benchmarks, each against a baseline measured in the same run:
 *
 * <ul>
 *   <li>no-op dispatch through the queue (memory store) vs a plain JDK thread pool running the same
 *       no-op tasks;
 *   <li>durable submission on SQLite vs bare JDBC single-row inserts of the same documents;
 *   <li>heap held by 100,000 queued jobs.
 * </ul>
 *
 * Usage: {@code QueueBenchmark RUNS REPORT.json}. Figures are medians of RUNS runs.
 */
public final class QueueBenchmark {
  private static final int DISPATCH_JOBS = 200_000;
  private static final int DURABLE_JOBS = 20_000;
  private static final int HEAP_JOBS = 100_000;
  private static final JsonNode PAYLOAD = payload();

  private QueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path report = Path.of(args.length > 1 ? args[1] : "bench/target/queue-bench.json");
    Path tmp = Files.createTempDirectory("omnivibe-queue-bench");
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    // warm-up: JIT the paths once before timing anything
    dispatch(new MemoryStore(), 20_000, workers);
    jdkPool(20_000, workers);

    double[] queueRate = new double[runs];
    double[] poolRate = new double[runs];
    double[] durableRate = new double[runs];
    double[] jdbcRate = new double[runs];
    double[] cycleRate = new double[runs];
    for (int r = 0; r < runs; r++) {
      poolRate[r] = jdkPool(DISPATCH_JOBS, workers);
      queueRate[r] = dispatch(new MemoryStore(), DISPATCH_JOBS, workers);
      jdbcRate[r] = bareJdbc(tmp.resolve("jdbc-" + r + ".db"), DURABLE_JOBS);
      durableRate[r] = durableSubmit(tmp.resolve("store-" + r + ".db"), DURABLE_JOBS);
      try (SqliteStore s = SqliteStore.open(tmp.resolve("cycle-" + r + ".db"))) {
        cycleRate[r] = dispatch(s, DURABLE_JOBS / 2, workers);
      }
      System.out.printf(
          Locale.ROOT,
          "run %d: queue %.0f/s, pool %.0f/s, durable %.0f/s, jdbc %.0f/s, durable cycle %.0f/s%n",
          r + 1,
          queueRate[r],
          poolRate[r],
          durableRate[r],
          jdbcRate[r],
          cycleRate[r]);
    }
    long heap = heapFor(tmp.resolve("heap.db"), HEAP_JOBS);
    String json =
        String.format(
            Locale.ROOT,
            """
            {"machine": {"cores": %d, "java": "%s"}, "runs": %d,
             "dispatch": {"jobs": %d, "workers": %d, "queuePerSecond": %.0f, "jdkPoolPerSecond": %.0f, "ratio": %.3f},
             "durableSubmit": {"jobs": %d, "storePerSecond": %.0f, "bareJdbcPerSecond": %.0f, "ratio": %.3f},
             "durableCycle": {"jobs": %d, "perSecond": %.0f, "note": "submit + RUNNING + SUCCEEDED, three commits per job"},
             "heap": {"queuedJobs": %d, "bytes": %d, "bytesPerJob": %d}}
            """,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            runs,
            DISPATCH_JOBS,
            workers,
            Medians.of(queueRate),
            Medians.of(poolRate),
            Medians.of(queueRate) / Medians.of(poolRate),
            DURABLE_JOBS,
            Medians.of(durableRate),
            Medians.of(jdbcRate),
            Medians.of(durableRate) / Medians.of(jdbcRate),
            DURABLE_JOBS / 2,
            Medians.of(cycleRate),
            HEAP_JOBS,
            heap,
            heap / HEAP_JOBS);
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, json);
    System.out.print(json);
  }

  /** Jobs per second from submission to the last SUCCEEDED, no-op handlers. */
  static double dispatch(Store store, int jobs, int workers) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(jobs);
    JobQueue queue =
        new JobQueue(
            store,
            Clock.systemUTC(),
            Map.of(JobType.RENDER, ctx -> JobResult.none(0)),
            Map.of(QueueName.VIDEO, workers),
            new SplittableRandom(1));
    queue.addListener(
        e -> {
          if (e.job().state() == JobState.SUCCEEDED
              && e.kind() == dev.omnivibe.engine.queue.JobEvent.Kind.CHANGED) {
            done.countDown();
          }
        });
    queue.start();
    long start = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      queue.submit(new NewJob("job " + i, JobType.RENDER, null, i % 10, PAYLOAD, null, null, null));
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    queue.close();
    return jobs / seconds;
  }

  static double jdkPool(int jobs, int workers) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    CountDownLatch done = new CountDownLatch(jobs);
    long start = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      pool.execute(done::countDown);
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    return jobs / seconds;
  }

  /** Submissions per second into a paused queue on SQLite: each one a committed transaction. */
  static double durableSubmit(Path db, int jobs) {
    try (SqliteStore store = SqliteStore.open(db)) {
      JobQueue queue =
          new JobQueue(store, Clock.systemUTC(), Map.of(), Map.of(), new SplittableRandom(1));
      queue.pauseAll();
      queue.start();
      long start = System.nanoTime();
      for (int i = 0; i < jobs; i++) {
        queue.submit(
            new NewJob("job " + i, JobType.RENDER, null, i % 10, PAYLOAD, null, null, null));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      queue.close();
      return jobs / seconds;
    }
  }

  /** The floor: one INSERT per transaction of the same document, same pragmas, no queue. */
  static double bareJdbc(Path db, int jobs) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute(
            "CREATE TABLE jobs (id TEXT PRIMARY KEY, state TEXT, queue TEXT, priority INTEGER,"
                + " rank INTEGER, version INTEGER, dedup_key TEXT, created_ms INTEGER, finished_ms INTEGER,"
                + " doc TEXT)");
      }
      String doc = JobCodec.write(sample(0));
      long start = System.nanoTime();
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO jobs VALUES (?,?,?,?,?,?,?,?,?,?)")) {
        for (int i = 0; i < jobs; i++) {
          ps.setString(1, "job-" + i);
          ps.setString(2, "QUEUED");
          ps.setString(3, "video");
          ps.setInt(4, i % 10);
          ps.setLong(5, i);
          ps.setLong(6, 0);
          ps.setString(7, null);
          ps.setLong(8, i);
          ps.setObject(9, null);
          ps.setString(10, doc);
          ps.executeUpdate(); // autocommit: one transaction each, as the queue does
        }
      }
      return jobs / ((System.nanoTime() - start) / 1e9);
    }
  }

  static long heapFor(Path db, int jobs) throws Exception {
    try (SqliteStore store = SqliteStore.open(db)) {
      JobQueue queue =
          new JobQueue(store, Clock.systemUTC(), Map.of(), Map.of(), new SplittableRandom(1));
      queue.pauseAll();
      queue.start();
      long before = usedAfterGc();
      for (int i = 0; i < jobs; i++) {
        queue.submit(
            new NewJob(
                "job " + i, JobType.RENDER, null, i % 10, PAYLOAD.deepCopy(), null, null, null));
      }
      long after = usedAfterGc();
      if (queue.snapshot(QueueName.VIDEO).depth() != jobs) {
        throw new IllegalStateException("expected " + jobs + " queued jobs");
      }
      queue.close();
      return after - before;
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static Job sample(int i) {
    return Job.queued(
        "job-" + i,
        "job " + i,
        JobType.RENDER,
        QueueName.VIDEO,
        5,
        i,
        dev.omnivibe.engine.job.Payload.of(PAYLOAD),
        null,
        null,
        Instant.now());
  }

  /** A render payload of the size real ones have: a ten-slide deck, settings and paths. */
  private static JsonNode payload() {
    StringBuilder deck =
        new StringBuilder(
            "{\"deck\":{\"output\":{\"width\":1920,\"height\":1080,\"fps\":30},\"slides\":[");
    for (int i = 1; i <= 10; i++) {
      deck.append(i > 1 ? "," : "")
          .append("{\"image\":\"asset:")
          .append(String.valueOf(i).repeat(64).substring(0, 64))
          .append("\",\"narration\":\"asset:")
          .append("a".repeat(64))
          .append("\",\"transition\":{\"type\":\"fade\",\"duration\":0.5}}");
    }
    deck.append(
        "]},\"encoder\":\"auto\",\"output\":\"/home/user/.local/share/omnivibe/outputs/render.mp4\","
            + "\"uniqueFrames\":145,\"outputSeconds\":50.0}");
    try {
      return new ObjectMapper().readTree(deck.toString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
