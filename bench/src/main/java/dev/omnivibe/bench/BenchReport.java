package dev.omnivibe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Merges the render, queue and API benchmark reports into one JSON and one Markdown report.
 *
 * <p>Usage: {@code BenchReport RENDER.json QUEUE.json API.json OUT.json OUT.md}
 */
public final class BenchReport {
  private BenchReport() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode render = m.readTree(Path.of(args[0]).toFile());
    JsonNode queue = m.readTree(Path.of(args[1]).toFile());
    JsonNode api = m.readTree(Path.of(args[2]).toFile());
    ObjectNode all = m.createObjectNode();
    all.put("generatedAt", Instant.now().toString());
    all.putObject("machine")
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("java", System.getProperty("java.version"))
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
        .put("ffmpeg", render.path("ffmpeg").asText());
    all.set("render", render);
    all.set("queue", queue);
    all.set("api", api);
    Files.writeString(
        Path.of(args[3]), m.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n");

    StringBuilder md = new StringBuilder("# OmniVibe benchmark report\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%s · %d cores · Java %s · FFmpeg %s. Every figure is a median; every ratio is"
                + " against a baseline measured in the same run.%n%n",
            all.get("generatedAt").asText(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            render.path("ffmpeg").asText()));
    md.append("## Render (")
        .append(render.path("resolution").asText())
        .append(", ")
        .append(render.path("runs").asInt())
        .append(" runs, libx264 on every side)\n\n");
    md.append(
        "| Deck | OmniVibe | Seed \"after\" | Speed-up | Seed \"before\" | Speed-up |\n|---|---|---|---|---|---|\n");
    for (JsonNode r : render.get("results")) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d slides × %.0f s | %.2f s | %.2f s | **%.1f×** | %.2f s | **%.1f×** |%n",
              r.get("slides").asInt(),
              r.get("slideSeconds").asDouble(),
              r.get("productSeconds").asDouble(),
              r.get("seedAfterSeconds").asDouble(),
              r.get("speedupVsAfter").asDouble(),
              r.get("seedBeforeSeconds").asDouble(),
              r.get("speedupVsBefore").asDouble()));
    }
    md.append("\n## API (wrk, ")
        .append(api.path("connections").asInt())
        .append(" connections, ")
        .append(api.path("rounds").asInt())
        .append(" × ")
        .append(api.path("seconds").asInt())
        .append(" s)\n\n");
    md.append("| Case | Requests/s | p99 | vs bare Javalin |\n|---|---|---|---|\n");
    row(md, "Bare Javalin hello-world", api.get("bareJavalin"), 1.0);
    for (String k :
        new String[] {"cachedGet", "uncachedGet", "cachedEncoders", "uncachedEncoders"}) {
      JsonNode c = api.get(k);
      if (c != null) {
        row(md, c.get("path").asText(), c, c.get("ratioToBare").asDouble());
      }
    }
    md.append("\n## Queue and store\n\n| What | Result | Baseline | Ratio |\n|---|---|---|---|\n");
    JsonNode d = queue.get("dispatch");
    md.append(
        String.format(
            Locale.ROOT,
            "| No-op dispatch, in memory (%d jobs) | %.0f jobs/s | JDK thread pool %.0f/s | %.3f |%n",
            d.get("jobs").asLong(),
            d.get("queuePerSecond").asDouble(),
            d.get("jdkPoolPerSecond").asDouble(),
            d.get("ratio").asDouble()));
    JsonNode s = queue.get("durableSubmit");
    md.append(
        String.format(
            Locale.ROOT,
            "| Durable submission, SQLite | %.0f jobs/s | bare JDBC insert %.0f/s | %.2f |%n",
            s.get("storePerSecond").asDouble(),
            s.get("bareJdbcPerSecond").asDouble(),
            s.get("ratio").asDouble()));
    md.append(
        String.format(
            Locale.ROOT,
            "| Durable submit → run → finish | %.0f jobs/s | | |%n",
            queue.get("durableCycle").get("perSecond").asDouble()));
    JsonNode h = queue.get("heap");
    md.append(
        String.format(
            Locale.ROOT,
            "| Heap, %d queued jobs | %.0f MB (%d B/job) | | |%n",
            h.get("queuedJobs").asLong(),
            h.get("bytes").asDouble() / 1e6,
            h.get("bytesPerJob").asLong()));
    Files.writeString(Path.of(args[4]), md.toString());
    System.out.print(md);
  }

  private static void row(StringBuilder md, String name, JsonNode c, double ratio) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %.0f | %.2f ms | %.2f |%n",
            name,
            c.get("rps").asDouble(),
            c.get("p99ms").asDouble(),
            ratio));
  }
}
