package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.monitor.Status;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} read as a scraper reads it: every sample line parses, histograms are cumulative
 * with a {@code +Inf} bucket equal to their count, and the JVM, process, queue, cache and render
 * meters are there.
 */
class MetricsApiTest {
  @TempDir static Path dir;
  static ApiFixture api;

  /** name{labels} value, as the text format writes a sample. */
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)");

  @BeforeAll
  static void start() {
    api = new ApiFixture(dir);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  record Sample(String name, String labels, double value) {}

  static List<Sample> parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        assertThat(line.isEmpty() || line.matches("# (HELP|TYPE) \\S+ .*")).as(line).isTrue();
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("sample line: " + line).isTrue();
      out.add(
          new Sample(
              m.group(1), m.group(3) == null ? "" : m.group(3), Double.parseDouble(m.group(4))));
    }
    return out;
  }

  @Test
  void histogramsGaugesAndJvmMetersParse() throws Exception {
    for (int i = 0; i < 5; i++) {
      api.get("/api/v1/queues");
    }
    api.engine
        .recorder()
        .record("render", "render", 1500, Status.SUCCESS, Map.of("encoder", "libx264"));
    HttpResponse<String> r = api.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    String text = r.body();
    List<Sample> samples = parse(text);

    assertThat(text)
        .contains("# TYPE omnivibe_operation_seconds histogram")
        .contains("# TYPE omnivibe_render_seconds histogram")
        .contains("# TYPE jvm_memory_used_bytes gauge")
        .contains("# TYPE omnivibe_queue_depth gauge");
    assertThat(names(samples))
        .contains(
            "jvm_gc_pause_seconds_count",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "process_uptime_seconds",
            "process_files_open_files",
            "omnivibe_queue_running",
            "omnivibe_queue_workers",
            "omnivibe_http_cache_lookups_total");
    assertThat(samples)
        .anySatisfy(s -> assertThat(s.labels()).contains("queue=\"video\""))
        .anySatisfy(
            s -> {
              assertThat(s.name()).isEqualTo("omnivibe_render_seconds_bucket");
              assertThat(s.labels()).contains("encoder=\"libx264\"").contains("le=\"2.5\"");
              assertThat(s.value()).isEqualTo(1.0);
            });

    // Each histogram: buckets never fall, and +Inf holds the count.
    Map<String, List<Sample>> buckets = new LinkedHashMap<>();
    for (Sample s : samples) {
      if (s.name().endsWith("_bucket")) {
        String series = s.name() + "|" + s.labels().replaceAll(",?le=\"[^\"]*\"", "");
        buckets.computeIfAbsent(series, k -> new ArrayList<>()).add(s);
      }
    }
    assertThat(buckets).isNotEmpty();
    for (Map.Entry<String, List<Sample>> e : buckets.entrySet()) {
      List<Sample> b = e.getValue();
      for (int i = 1; i < b.size(); i++) {
        assertThat(b.get(i).value()).as(e.getKey()).isGreaterThanOrEqualTo(b.get(i - 1).value());
      }
      Sample inf = b.get(b.size() - 1);
      assertThat(inf.labels()).contains("le=\"+Inf\"");
      String count = e.getKey().replace("_bucket|", "_count|");
      assertThat(samples)
          .filteredOn(s -> (s.name() + "|" + s.labels()).equals(count))
          .singleElement()
          .extracting(Sample::value)
          .isEqualTo(inf.value());
    }
    assertThat(
            samples.stream()
                .filter(s -> s.name().equals("omnivibe_operation_seconds_count"))
                .filter(s -> s.labels().contains("operation=\"GET /api/v1/queues\""))
                .mapToDouble(Sample::value)
                .sum())
        .isGreaterThanOrEqualTo(5);
  }

  private static List<String> names(List<Sample> samples) {
    return samples.stream().map(Sample::name).distinct().toList();
  }
}
