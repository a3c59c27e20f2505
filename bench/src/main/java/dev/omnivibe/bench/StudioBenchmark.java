package dev.omnivibe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.EngineConfig;
import dev.omnivibe.engine.ffmpeg.FfmpegLocator;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import dev.omnivibe.engine.studio.StudioOptions;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * No-op render jobs per second through whole engines in studio mode: one submitting node (which
 * runs nothing) and 1, 2 or 3 render nodes, each an engine with its own store and Redis
 * connections. Every job goes the full way: deck check, store, gate, publish, take, run, record,
 * apply to the submitter's store. The baseline in the same run is one engine's local queue with the
 * same jobs and as many workers as the studio has in total.
 *
 * <p>Arguments: jobs per round (default 300), rounds (default 3). Needs redis-server on PATH.
 */
public final class StudioBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WORKERS_PER_NODE = 2;

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    FfmpegTools tools = new FfmpegLocator().locate(null, null);
    Path dir = Files.createTempDirectory("omnivibe-studio-bench");
    Path deck =
        SampleDeckWriter.write(
            dir.resolve("deck"),
            new SampleDeckWriter.Spec(1, 320, 180, 1.0, 0.0, null, 0.0, 320, 180, 30));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process redis = BrokerBenchmark.redis(port, dir);
    String uri = "redis://127.0.0.1:" + port;
    int seq = 0;
    try {
      Thread.sleep(500);
      // One uncounted round of each, so the JIT has compiled both paths before anything is timed.
      studio(tools, uri, dir.resolve("warm-up"), deck, 1, jobs, 50_000);
      local(tools, dir.resolve("warm-up/local"), deck, 1, jobs, 50_000);
      BrokerBenchmark.flush(uri);
      System.out.printf(
          Locale.ROOT,
          "%-6s %5s %12s %12s %8s%n",
          "nodes",
          "round",
          "studio/s",
          "local/s",
          "ratio");
      for (int nodes = 1; nodes <= 3; nodes++) {
        List<Double> rates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
          BrokerBenchmark.flush(uri);
          Path round = dir.resolve("round-" + seq++);
          double studio = studio(tools, uri, round, deck, nodes, jobs, seq * jobs);
          double local = local(tools, round.resolve("local"), deck, nodes, jobs, seq * jobs);
          rates.add(studio);
          ratios.add(studio / local);
          System.out.printf(
              Locale.ROOT,
              "%-6d %5d %12.1f %12.1f %8.2f%n",
              nodes,
              r,
              studio,
              local,
              studio / local);
        }
        System.out.printf(
            Locale.ROOT,
            "median with %d render node(s): %.1f jobs/s, %.2f of one local queue with %d workers%n",
            nodes,
            Medians.of(rates.stream().mapToDouble(Double::doubleValue).toArray()),
            Medians.of(ratios.stream().mapToDouble(Double::doubleValue).toArray()),
            nodes * WORKERS_PER_NODE);
      }
    } finally {
      redis.destroyForcibly();
    }
    System.exit(0);
  }

  static EngineConfig config(FfmpegTools tools, Path data, Path encoders) {
    return new EngineConfig(data, tools)
        .encoderCache(encoders)
        .cleanupEvery(null)
        .handler(JobType.RENDER, ctx -> JobResult.none(0));
  }

  static double studio(
      FfmpegTools tools, String uri, Path dir, Path deck, int nodes, int jobs, int offset)
      throws Exception {
    Path shared = dir.resolve("shared");
    Path encoders = dir.getParent().resolve("encoders.json");
    List<Engine> engines = new ArrayList<>();
    try {
      Engine submitter =
          Engine.open(
              config(tools, dir.resolve("submitter"), encoders)
                  .studio(StudioOptions.of(uri, "submitter", shared).withCapacity(0)));
      engines.add(submitter);
      for (int n = 0; n < nodes; n++) {
        engines.add(
            Engine.open(
                config(tools, dir.resolve("node" + n), encoders)
                    .studio(
                        StudioOptions.of(uri, "node" + n, shared).withCapacity(WORKERS_PER_NODE))));
      }
      return run(submitter, deck, jobs, offset);
    } finally {
      engines.forEach(Engine::close);
    }
  }

  static double local(FfmpegTools tools, Path data, Path deck, int nodes, int jobs, int offset)
      throws Exception {
    try (Engine engine =
        Engine.open(
            config(tools, data, data.getParent().getParent().resolve("encoders.json"))
                .workers(QueueName.VIDEO, nodes * WORKERS_PER_NODE))) {
      return run(engine, deck, jobs, offset);
    }
  }

  /** Submits the jobs (each deck a different length, so none is a duplicate) and waits for all. */
  static double run(Engine engine, Path deck, int jobs, int offset) throws Exception {
    Set<String> done = ConcurrentHashMap.newKeySet();
    engine
        .queue()
        .addListener(
            e -> {
              if (e.job().state() == JobState.SUCCEEDED) {
                done.add(e.job().id());
              }
            });
    JsonNode base = JSON.readTree(deck.toFile());
    long start = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      ObjectNode d = base.deepCopy();
      ((ObjectNode) d.path("slides").get(0)).put("duration", 1 + (offset + i) / 100.0);
      Job j = engine.submit(RenderRequest.local("bench-" + i, d, deck.getParent()));
      if (j.state() == JobState.SUCCEEDED) {
        done.add(j.id());
      }
    }
    while (done.size() < jobs) {
      Thread.sleep(2);
    }
    return jobs / ((System.nanoTime() - start) / 1e9);
  }
}
