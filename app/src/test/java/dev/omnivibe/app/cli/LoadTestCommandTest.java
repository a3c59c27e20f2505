package dev.omnivibe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code omnivibe loadtest} against a real render node: output, report file and exit codes. */
class LoadTestCommandTest {
  @TempDir static Path dir;
  static ServeCommand.Node node;

  @BeforeAll
  static void start() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--port", "0", "--data-dir", dir.resolve("node").toString());
    node = serve.start(new PrintWriter(new StringWriter()));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new LoadTestCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void reportsTheSeedSummaryAndWritesTheJsonReport() throws Exception {
    Path report = dir.resolve("report.json");
    Run r =
        run(
            "--base-url",
            node.server().url(),
            "--endpoint",
            "/api/v1/queues",
            "--users",
            "3",
            "--requests",
            "60",
            "--token",
            node.server().tokens().ownerToken(),
            "--threshold",
            "errors<1%",
            "--threshold",
            "p99<30s",
            "--report",
            report.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(
            "Total Requests:       60",
            "Throughput:",
            "P99:",
            "Percentile spectrum",
            "Status codes: {200=60}",
            "✅ threshold errors<1%");
    assertThat(r.err()).contains("100%");
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("summary").get("total_requests").asLong()).isEqualTo(60);
    assertThat(json.get("summary").get("success_rate").asDouble()).isEqualTo(100.0);
    assertThat(json.has("timestamp")).isTrue();
    assertThat(json.get("detailed_results").get(0).get("endpoint").asText())
        .isEqualTo("GET /api/v1/queues");
  }

  @Test
  void aFailedThresholdExitsOne() {
    Run r =
        run(
            "--base-url",
            node.server().url(),
            "--endpoint",
            "/health",
            "--users",
            "2",
            "--requests",
            "20",
            "--threshold",
            "p50<0.001ms",
            "--report",
            dir.resolve("r2.json").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("❌ threshold p50<0.001ms");
  }

  @Test
  void withoutTheTokenEveryRequestFailsAndIsCounted() {
    Run r =
        run(
            "--base-url",
            node.server().url(),
            "--endpoint",
            "/api/v1/jobs",
            "--requests",
            "10",
            "--threshold",
            "errors<1%",
            "--report",
            dir.resolve("r3.json").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("Status codes: {401=10}");
  }

  @Test
  void badOptionsExitTwoWithAClearMessage() {
    assertThat(run("--endpoint", "/health", "--threshold", "fast").err())
        .contains("'fast' is not understood");
    assertThat(run("--endpoint", "/health", "--threshold", "fast").code()).isEqualTo(2);
    assertThat(run("--requests", "5").err()).contains("either --endpoint or --scenario");
    assertThat(run("--endpoint", "/h", "--duration", "soon").err()).contains("not a time");
  }
}
