package dev.omnivibe.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.omnivibe.engine.adapters.sqlite.SqliteStore;
import dev.omnivibe.engine.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceMonitorTest {
  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-11-24T10:00:30Z");

  @Test
  void reportsCountSuccessRateAndPercentilesPerOperation() {
    PerformanceMonitor m = new PerformanceMonitor(clock, null);
    for (int ms = 1; ms <= 100; ms++) {
      m.record("GET /jobs", "api", ms, ms % 10 == 0 ? Status.ERROR : Status.SUCCESS, Map.of());
    }
    m.record("POST /jobs", "api", 500, Status.SUCCESS, Map.of("caller", "script"));
    m.record("render", "render", 900, Status.SUCCESS, Map.of("encoder", "libx264"));
    PerformanceReport r = m.report("api", Duration.ofHours(1));
    OperationStats get = r.operations().get("GET /jobs");
    assertThat(get.count()).isEqualTo(100);
    assertThat(get.successRate()).isEqualTo(0.9);
    assertThat(get.avgMs()).isCloseTo(50.5, within(1e-9));
    assertThat(get.minMs()).isEqualTo(1);
    assertThat(get.maxMs()).isEqualTo(100);
    assertThat(get.p50Ms()).isCloseTo(50, within(1.0));
    assertThat(get.p95Ms()).isCloseTo(95, within(1.0));
    assertThat(get.p99Ms()).isCloseTo(99, within(1.0));
    assertThat(r.operations()).containsOnlyKeys("GET /jobs", "POST /jobs");
    assertThat(r.total().count()).isEqualTo(101);
    assertThat(r.total().maxMs()).isEqualTo(500);
    assertThat(r.throughputPerMinute()).isCloseTo(101 / 60.0, within(1e-9));
    assertThat(m.report(null, Duration.ofHours(1)).total().count()).isEqualTo(102);
    assertThat(m.categories()).containsExactly("api", "render");
    assertThat(m.recent(1).get(0).name()).isEqualTo("render");
  }

  @Test
  void theWindowLeavesOutOlderMinutesAndTheSeriesHasOnePointPerMinute() {
    PerformanceMonitor m = new PerformanceMonitor(clock, null);
    m.record("op", "c", 10, Status.SUCCESS, Map.of());
    clock.advance(Duration.ofMinutes(30));
    m.record("op", "c", 20, Status.SUCCESS, Map.of());
    m.record("op", "c", 40, Status.ERROR, Map.of());
    PerformanceReport last10 = m.report("c", Duration.ofMinutes(10));
    assertThat(last10.total().count()).isEqualTo(2);
    assertThat(last10.total().successRate()).isEqualTo(0.5);
    PerformanceReport hour = m.report("c", Duration.ofHours(1));
    assertThat(hour.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(hour.series()).hasSizeBetween(60, 61);
    assertThat(hour.series().stream().mapToLong(p -> p.stats().count()).sum()).isEqualTo(3);
    PerformanceReport week = m.report("c", Duration.ofDays(7));
    assertThat(week.step()).isEqualTo(Duration.ofHours(2));
    assertThat(week.series()).hasSizeLessThanOrEqualTo(85);
    assertThat(m.report("c", Duration.ofHours(24)).step()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void minutesArePersistedSoAReportSurvivesARestart() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("m.db"))) {
      PerformanceMonitor m = new PerformanceMonitor(clock, store);
      for (int i = 1; i <= 50; i++) {
        m.record("render", "render", i * 10, Status.SUCCESS, Map.of());
        if (i % 10 == 0) {
          clock.advance(Duration.ofMinutes(1));
        }
      }
      m.flush();
      PerformanceReport before = m.report("render", Duration.ofHours(1));
      PerformanceMonitor restarted = new PerformanceMonitor(clock, store);
      restarted.load();
      PerformanceReport after = restarted.report("render", Duration.ofHours(1));
      assertThat(after.total()).isEqualTo(before.total());
      assertThat(after.series()).isEqualTo(before.series());
    }
  }

  @Test
  void trackRecordsSuccessAndFailure() {
    PerformanceMonitor m = new PerformanceMonitor(clock, null);
    assertThat(m.track("ok", "t", () -> 42)).isEqualTo(42);
    assertThatThrownBy(
            () ->
                m.track(
                    "boom",
                    "t",
                    () -> {
                      throw new java.io.IOException("disk");
                    }))
        .hasMessage("disk");
    PerformanceReport r = m.report("t", Duration.ofMinutes(5));
    assertThat(r.operations().get("ok").successRate()).isEqualTo(1.0);
    assertThat(r.operations().get("boom").successRate()).isEqualTo(0.0);
    assertThatThrownBy(() -> m.record("x", "t", Double.NaN, Status.SUCCESS, Map.of()))
        .hasMessageContaining("not a valid time");
  }

  @Test
  void listenersSeeEveryRecordingUntilClosedAndCannotBreakIt() throws Exception {
    PerformanceMonitor m = new PerformanceMonitor(clock, null);
    List<String> seen = new java.util.ArrayList<>();
    AutoCloseable a =
        m.listen((name, category, ms, status, meta) -> seen.add(category + "/" + name + " " + ms));
    AutoCloseable broken =
        m.listen(
            (name, category, ms, status, meta) -> {
              throw new IllegalStateException("exporter down");
            });
    m.record("GET /jobs", "api", 12, Status.SUCCESS, Map.of());
    a.close();
    m.record("GET /jobs", "api", 30, Status.SUCCESS, Map.of());
    broken.close();
    assertThat(seen).containsExactly("api/GET /jobs 12.0");
    assertThat(m.totals()).singleElement().extracting(Totals::count).isEqualTo(2L);
  }
}
