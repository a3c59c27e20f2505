package dev.omnivibe.bench;

import dev.omnivibe.api.ApiConfig;
import dev.omnivibe.api.ApiServer;
import dev.omnivibe.api.auth.TokenStore;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.EngineConfig;
import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import dev.omnivibe.engine.ffmpeg.FfmpegLocator;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API under wrk, in one run: a cached GET, the same GET uncached ({@code Cache-Control:
 * no-store}), and a bare Javalin hello-world as the ceiling. Rounds alternate so machine noise hits
 * every case alike; figures are medians.
 *
 * <p>Usage: {@code ApiBenchmark ROUNDS SECONDS CONNECTIONS REPORT.json}
 */
public final class ApiBenchmark {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)");

  private ApiBenchmark() {}

  record Result(double rps, double p99ms) {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int connections = Integer.parseInt(args[2]);
    Path report = Path.of(args[3]);
    Path data = Files.createTempDirectory("omnivibe-api-bench");
    Javalin bare =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get("/hello", ctx -> ctx.json(java.util.Map.of("hello", "world")));
                })
            .start("127.0.0.1", 0);
    try (Engine engine =
            Engine.open(
                new EngineConfig(data, new FfmpegLocator().locate(null, null)).tickEvery(null));
        CaffeineCache cache = new CaffeineCache(64 << 20)) {
      TokenStore tokens =
          new TokenStore(data.resolve("api-token"), engine.apiClients(), Clock.systemUTC());
      ApiServer api =
          ApiServer.start(
              engine, cache, tokens, new ApiConfig().port(0)); // the owner is not rate limited
      String auth = "Authorization: Bearer " + tokens.ownerToken();
      String root = api.url() + "/";
      String encoders = api.url() + "/api/v1/encoders";
      List<Result> cached = new ArrayList<>();
      List<Result> uncached = new ArrayList<>();
      List<Result> hello = new ArrayList<>();
      List<Result> bigCached = new ArrayList<>();
      List<Result> bigUncached = new ArrayList<>();
      wrk(1, connections, List.of(auth), root); // warm-up: JIT and the cache entries
      wrk(1, connections, List.of(auth), encoders);
      wrk(1, connections, List.of(), "http://127.0.0.1:" + bare.port() + "/hello");
      for (int r = 0; r < rounds; r++) {
        hello.add(
            wrk(seconds, connections, List.of(), "http://127.0.0.1:" + bare.port() + "/hello"));
        cached.add(wrk(seconds, connections, List.of(auth), root));
        uncached.add(wrk(seconds, connections, List.of(auth, "Cache-Control: no-store"), root));
        bigCached.add(wrk(seconds, connections, List.of(auth), encoders));
        bigUncached.add(
            wrk(seconds, connections, List.of(auth, "Cache-Control: no-store"), encoders));
        System.out.printf(
            Locale.ROOT,
            "round %d: bare %.0f/s, cached / %.0f/s, uncached / %.0f/s, cached encoders %.0f/s, uncached encoders %.0f/s%n",
            r + 1,
            hello.get(r).rps(),
            cached.get(r).rps(),
            uncached.get(r).rps(),
            bigCached.get(r).rps(),
            bigUncached.get(r).rps());
      }
      api.close();
      double bareRps = median(hello, true);
      String json =
          String.format(
              Locale.ROOT,
              """
          {"machine": {"cores": %d}, "rounds": %d, "seconds": %d, "connections": %d,
           "bareJavalin": {"rps": %.0f, "p99ms": %.2f},
           "cachedGet": {"path": "/ (TTL 1 h, 130-byte JSON)", "rps": %.0f, "p99ms": %.2f, "ratioToBare": %.3f},
           "uncachedGet": {"path": "/ with Cache-Control: no-store", "rps": %.0f, "p99ms": %.2f, "ratioToBare": %.3f},
           "cachedEncoders": {"path": "/api/v1/encoders (2 KB JSON)", "rps": %.0f, "p99ms": %.2f, "ratioToBare": %.3f},
           "uncachedEncoders": {"path": "/api/v1/encoders with no-store", "rps": %.0f, "p99ms": %.2f, "ratioToBare": %.3f}}
          """,
              Runtime.getRuntime().availableProcessors(),
              rounds,
              seconds,
              connections,
              bareRps,
              median(hello, false),
              median(cached, true),
              median(cached, false),
              median(cached, true) / bareRps,
              median(uncached, true),
              median(uncached, false),
              median(uncached, true) / bareRps,
              median(bigCached, true),
              median(bigCached, false),
              median(bigCached, true) / bareRps,
              median(bigUncached, true),
              median(bigUncached, false),
              median(bigUncached, true) / bareRps);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, json);
      System.out.print(json);
    } finally {
      bare.stop();
    }
  }

  static Result wrk(int seconds, int connections, List<String> headers, String url)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
    headers.forEach(
        h -> {
          cmd.add("-H");
          cmd.add(h);
        });
    cmd.add(url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0 || out.contains("Non-2xx")) {
      throw new IllegalStateException("wrk failed or saw errors:\n" + out);
    }
    Matcher rps = RPS.matcher(out);
    Matcher p99 = P99.matcher(out);
    if (!rps.find() || !p99.find()) {
      throw new IllegalStateException("cannot read wrk output:\n" + out);
    }
    double v = Double.parseDouble(p99.group(1));
    double ms =
        switch (p99.group(2)) {
          case "us" -> v / 1000;
          case "s" -> v * 1000;
          default -> v;
        };
    return new Result(Double.parseDouble(rps.group(1)), ms);
  }

  private static double median(List<Result> results, boolean rps) {
    return Medians.of(results.stream().mapToDouble(r -> rps ? r.rps() : r.p99ms()).toArray());
  }
}
