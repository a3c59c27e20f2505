package dev.omnivibe.app.cli;

import dev.omnivibe.api.loadtest.LoadReport;
import dev.omnivibe.api.loadtest.LoadRunner;
import dev.omnivibe.api.loadtest.LoadTestConfig;
import dev.omnivibe.api.loadtest.Scenario;
import dev.omnivibe.api.loadtest.Threshold;
import dev.omnivibe.app.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omnivibe loadtest}: a closed-loop (users) or open-model (fixed rate) load test of an HTTP
 * endpoint or a weighted scenario, with HdrHistogram percentiles and CI thresholds.
 */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    description =
        "Load-test an OmniVibe API (or any HTTP endpoint) and report latency percentiles.")
public final class LoadTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--base-url",
      defaultValue = "http://127.0.0.1:8750",
      description = "Server to test (default ${DEFAULT-VALUE}).")
  String baseUrl;

  @Option(names = "--endpoint", description = "One path to GET, e.g. /health.")
  String endpoint;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "A weighted mix of requests (JSON).")
  Path scenario;

  @Option(
      names = "--users",
      defaultValue = "10",
      description =
          "Concurrent users; with --rate, the most requests in flight (default ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--requests", description = "Measured requests to send.")
  Long requests;

  @Option(names = "--duration", paramLabel = "TIME", description = "Measured time, e.g. 30s or 2m.")
  String duration;

  @Option(
      names = "--rate",
      paramLabel = "R",
      description =
          "Open model: R requests per second; latency counts from each request's intended send time.")
  double rate;

  @Option(names = "--token", description = "Bearer token (or set OMNIVIBE_TOKEN).")
  String token;

  @Option(
      names = "--warmup",
      paramLabel = "TIME|N",
      description =
          "Not measured: a time (default 2s) or, with --requests, a count (default 10%%).")
  String warmup;

  @Option(
      names = "--threshold",
      paramLabel = "RULE",
      description =
          "Fail (exit 1) unless it holds: 'p95<500ms', 'errors<1%%', 'rps>100'. Repeatable.")
  List<String> thresholds = new ArrayList<>();

  @Option(
      names = "--report",
      paramLabel = "FILE",
      defaultValue = "load_test_report.json",
      description = "JSON report (default ${DEFAULT-VALUE}).")
  Path report;

  @Option(
      names = "--timeout",
      paramLabel = "TIME",
      defaultValue = "30s",
      description = "Per request (default ${DEFAULT-VALUE}).")
  String timeout;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadTestConfig config;
    List<Threshold> rules = new ArrayList<>();
    try {
      for (String t : thresholds) {
        rules.add(Threshold.parse(t));
      }
      if ((endpoint == null) == (scenario == null)) {
        throw new IllegalArgumentException("give either --endpoint or --scenario");
      }
      Scenario s = scenario != null ? Scenario.read(scenario) : Scenario.single(endpoint);
      Duration d = duration == null ? null : time(duration, "--duration");
      long n = requests == null ? (d == null ? 100 : 0) : requests;
      Duration warmTime = Duration.ofSeconds(2);
      long warmRequests = n / 10;
      if (warmup != null) {
        if (warmup.matches("\\d+")) {
          warmRequests = Long.parseLong(warmup);
          warmTime = Duration.ZERO;
        } else {
          warmTime = time(warmup, "--warmup");
          warmRequests = 0;
        }
      }
      String tok = token != null ? token : System.getenv("OMNIVIBE_TOKEN");
      config =
          new LoadTestConfig(
              baseUrl,
              s,
              users,
              n,
              d,
              rate,
              tok,
              warmTime,
              warmRequests,
              time(timeout, "--timeout"));
    } catch (IllegalArgumentException | IOException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    LoadRunner runner = new LoadRunner(config);
    ScheduledExecutorService bar =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "loadtest-progress");
              t.setDaemon(true);
              return t;
            });
    long start = System.nanoTime();
    bar.scheduleAtFixedRate(
        () -> progress(err, runner, System.nanoTime() - start), 200, 200, TimeUnit.MILLISECONDS);
    LoadReport result;
    try {
      result = runner.run();
    } catch (IOException e) {
      err.println();
      err.println("error: " + e.getMessage());
      return ExitCodes.FAILURE;
    } finally {
      bar.shutdownNow();
      progress(err, runner, System.nanoTime() - start);
      err.println();
    }
    result.print(out, rules);
    Path file = report.toAbsolutePath();
    Files.createDirectories(file.getParent());
    Files.writeString(file, result.toJson(rules).toPrettyString() + "\n");
    out.println();
    out.println("Report: " + file);
    out.flush();
    return rules.stream().allMatch(r -> r.passes(result)) ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static void progress(PrintWriter err, LoadRunner runner, long elapsed) {
    double f = runner.fraction(elapsed);
    int filled = (int) Math.round(f * 30);
    err.printf(
        Locale.ROOT,
        "\r[%s%s] %3.0f%%  %d sent",
        "#".repeat(filled),
        ".".repeat(30 - filled),
        f * 100,
        runner.sent());
    err.flush();
  }

  static Duration time(String text, String option) {
    var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)").matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not a time such as 500ms, 30s or 2m");
    }
    double v = Double.parseDouble(m.group(1));
    long ms =
        Math.round(
            switch (m.group(2)) {
              case "ms" -> v;
              case "s" -> v * 1000;
              default -> v * 60_000;
            });
    return Duration.ofMillis(ms);
  }
}
