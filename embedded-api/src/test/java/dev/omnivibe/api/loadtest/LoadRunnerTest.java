package dev.omnivibe.api.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The numbers the load tester reports, checked against servers whose cost is known. */
class LoadRunnerTest {
  static LoadTestConfig closed(String url, Scenario s, int users, long requests, long warmup) {
    return new LoadTestConfig(
        url, s, users, requests, null, 0, null, Duration.ZERO, warmup, Duration.ofSeconds(30));
  }

  /** The open model on {@code /ok}: {@code rate} requests a second, {@code users} in flight. */
  static LoadTestConfig open(String url, int users, long requests, double rate) {
    return new LoadTestConfig(
        url,
        Scenario.single("/ok"),
        users,
        requests,
        null,
        rate,
        null,
        Duration.ZERO,
        0,
        Duration.ofSeconds(30));
  }

  @Test
  void aClosedLoopReportsTheServersDelay() throws Exception {
    try (DelayServer server = new DelayServer(40, 8)) {
      LoadReport r = new LoadRunner(closed(server.url(), Scenario.single("/ok"), 4, 60, 8)).run();
      assertThat(r.total()).isEqualTo(60);
      assertThat(server.served.get()).isEqualTo(68); // the warm-up was sent but not counted
      assertThat(r.successRate()).isEqualTo(100.0);
      assertThat(r.statusCodes()).isEqualTo(Map.of(200, 60L));
      // Every request costs at least the delay; on a quiet machine barely more.
      assertThat(r.latency().minMs()).isGreaterThanOrEqualTo(40.0);
      assertThat(r.latency().p50Ms()).isBetween(40.0, 120.0);
      assertThat(r.latency().avgMs()).isGreaterThanOrEqualTo(40.0);
      assertThat(r.latency().maxMs()).isGreaterThanOrEqualTo(r.latency().p99Ms());
      // 4 users each waiting 40 ms can never exceed 100 requests a second.
      assertThat(r.throughput()).isBetween(20.0, 100.5);
      assertThat(r.spectrum()).isNotEmpty();
      assertThat(r.spectrum().get(r.spectrum().size() - 1)[0]).isGreaterThanOrEqualTo(99.0);
    }
  }

  @Test
  void theOpenModelChargesTheWaitToTheServer() throws Exception {
    // Capacity: one request in flight, 50 ms each = 20/s. Asked: 40/s for 2 s.
    try (DelayServer server = new DelayServer(50, 1)) {
      LoadTestConfig c = open(server.url(), 1, 80, 40);
      LoadReport r = new LoadRunner(c).run();
      assertThat(r.total()).isEqualTo(80);
      assertThat(r.requestedRate()).isEqualTo(40.0);
      assertThat(r.throughput()).isLessThan(25.0);
      assertThat(r.latency().minMs()).isGreaterThanOrEqualTo(50.0);
      // Request i was due at i/40 s but could only finish at (i+1)*50 ms: the backlog shows.
      // A tester that timed from the actual send would report ~50 ms for every request.
      assertThat(r.latency().p99Ms()).isGreaterThan(1500.0);
      assertThat(r.latency().p50Ms()).isGreaterThan(500.0);
    }
  }

  @Test
  void stepsStatusCodesAndThresholds() throws Exception {
    try (DelayServer server = new DelayServer(1, 4)) {
      Scenario mix =
          new Scenario(
              List.of(
                  new Step("ok", "GET", "/ok", null, false, 3),
                  new Step("fail", "GET", "/fail", null, false, 1)),
              Map.of());
      LoadReport r = new LoadRunner(closed(server.url(), mix, 2, 400, 0)).run();
      long ok = r.statusCodes().getOrDefault(200, 0L);
      long bad = r.statusCodes().getOrDefault(500, 0L);
      assertThat(ok + bad).isEqualTo(400);
      assertThat(bad).isBetween(60L, 140L); // weight 1 of 4
      assertThat(r.successRate()).isEqualTo(100.0 * ok / 400);
      assertThat(r.steps())
          .extracting(LoadReport.StepRow::name)
          .containsExactlyInAnyOrder("ok", "fail");
      assertThat(r.steps())
          .filteredOn(s -> s.name().equals("fail"))
          .allMatch(s -> s.failed() == s.requests());
      assertThat(Threshold.parse("errors<1%").passes(r)).isFalse();
      assertThat(Threshold.parse("errors<50%").passes(r)).isTrue();
      assertThat(Threshold.parse("p99 < 10s").passes(r)).isTrue();
      assertThat(Threshold.parse("rps>0").passes(r)).isTrue();
      JsonNode json = r.toJson(List.of(Threshold.parse("errors<1%")));
      assertThat(json.get("summary").get("total_requests").asLong()).isEqualTo(400);
      assertThat(json.get("status_codes").get("500").asLong()).isEqualTo(bad);
      assertThat(json.get("detailed_results")).hasSize(2);
      assertThat(json.get("thresholds").get(0).get("passed").asBoolean()).isFalse();
      assertThat(json.get("percentile_spectrum").size()).isGreaterThan(3);
    }
  }

  @Test
  void throttledAnswersAreCountedApartFromErrors() throws Exception {
    try (DelayServer server = new DelayServer(1, 4)) {
      Scenario mix =
          new Scenario(
              List.of(
                  new Step("ok", "GET", "/ok", null, false, 2),
                  new Step("limited", "GET", "/limit", null, false, 1),
                  new Step("fail", "GET", "/fail", null, false, 1)),
              Map.of());
      LoadReport r = new LoadRunner(closed(server.url(), mix, 2, 400, 0)).run();
      long limited = r.statusCodes().getOrDefault(429, 0L);
      long failed = r.statusCodes().getOrDefault(500, 0L);
      assertThat(limited).isPositive();
      assertThat(r.throttled()).isEqualTo(limited);
      assertThat(r.errors()).isEqualTo(failed);
      assertThat(r.successful() + r.throttled() + r.errors()).isEqualTo(400);
      assertThat(Threshold.parse("errors<1%").measure(r)).isEqualTo(100.0 * failed / 400);
      assertThat(Threshold.parse("throttled<1%").measure(r)).isEqualTo(100.0 * limited / 400);
      assertThat(r.steps())
          .filteredOn(s -> s.name().equals("limited"))
          .allMatch(s -> s.throttled() == s.requests() && s.failed() == s.requests());
      JsonNode json = r.toJson(List.of());
      assertThat(json.get("summary").get("throttled_requests").asLong()).isEqualTo(limited);
      assertThat(json.get("summary").get("error_requests").asLong()).isEqualTo(failed);
      StringWriter text = new StringWriter();
      r.print(new PrintWriter(text), List.of());
      assertThat(text.toString())
          .contains("Throttled (429):      " + limited)
          .contains("Errors:               " + failed);
    }
  }

  @Test
  void aRateTheClientCannotReachIsReportedAsTheClientsLimit() throws Exception {
    // One connection to a 50 ms server cannot carry 40 requests a second.
    try (DelayServer server = new DelayServer(50, 1)) {
      LoadTestConfig c = open(server.url(), 1, 40, 40);
      LoadReport r = new LoadRunner(c).run();
      assertThat(r.clientSaturation())
          .anySatisfy(why -> assertThat(why).contains("achieved").contains("of 40 req/s"))
          .anySatisfy(why -> assertThat(why).contains("waited for a free connection"));
      assertThat(r.toJson(List.of()).get("client").get("saturated").asBoolean()).isTrue();
      StringWriter text = new StringWriter();
      r.print(new PrintWriter(text), List.of());
      assertThat(text.toString()).contains("The client was saturated");
    }
    // Ten connections to a fast server carry 40 a second easily: no warning.
    try (DelayServer server = new DelayServer(1, 4)) {
      LoadTestConfig c = open(server.url(), 10, 40, 40);
      LoadReport r = new LoadRunner(c).run();
      assertThat(r.total()).isEqualTo(40);
      assertThat(r.clientSaturation()).isEmpty();
      assertThat(r.toJson(List.of()).get("client").get("saturated").asBoolean()).isFalse();
    }
  }

  @Test
  void aDeadServerIsCountedAsErrorsNotACrash() throws Exception {
    DelayServer server = new DelayServer(1, 1);
    String url = server.url();
    server.close();
    LoadReport r = new LoadRunner(closed(url, Scenario.single("/ok"), 2, 10, 0)).run();
    assertThat(r.total()).isEqualTo(10);
    assertThat(r.successRate()).isZero();
  }

  @Test
  void badRulesAndSettingsAreNamed() {
    assertThatThrownBy(() -> Threshold.parse("p95 fast"))
        .hasMessageContaining("'p95 fast' is not understood");
    assertThatThrownBy(() -> Threshold.parse("p95<500")).hasMessageContaining("needs a unit");
    assertThatThrownBy(() -> Threshold.parse("errors<1")).hasMessageContaining("percent");
    assertThat(Threshold.parse("avg<=2s").value()).isEqualTo(2000.0);
    assertThatThrownBy(() -> closed("ftp://x", Scenario.single("/"), 1, 1, 0))
        .hasMessageContaining("http://");
    assertThatThrownBy(
            () ->
                new LoadTestConfig(
                    "http://x",
                    Scenario.single("/"),
                    1,
                    0,
                    null,
                    0,
                    null,
                    Duration.ZERO,
                    0,
                    Duration.ofSeconds(1)))
        .hasMessageContaining("either --requests or --duration");
  }
}
