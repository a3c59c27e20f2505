package dev.omnivibe.api.metrics;

import dev.omnivibe.api.http.ResponseCache;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.cache.CacheStats;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.monitor.Status;
import dev.omnivibe.engine.queue.QueueStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /metrics} exposes, kept by Micrometer in Prometheus form: operation and render times
 * as histograms with fixed buckets (unlike quantiles, buckets of several studio nodes add up), JVM
 * and process meters, queue gauges and the response cache's counters.
 */
public final class Meters implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Meters.class);

  /** The same bucket bounds on every node, from an API call to a long render. */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(120),
    Duration.ofSeconds(300),
    Duration.ofSeconds(600),
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Engine engine;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<QueueName, AtomicInteger[]> queues = new EnumMap<>(QueueName.class);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final AutoCloseable subscription;

  public Meters(Engine engine, ResponseCache cache) {
    this.engine = engine;
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    for (QueueName q : QueueName.values()) {
      AtomicInteger[] g = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
      queues.put(q, g);
      gauge("omnivibe.queue.depth", "Jobs waiting in the queue", q, g[0]);
      gauge("omnivibe.queue.running", "Jobs running on this node", q, g[1]);
      gauge("omnivibe.queue.workers", "Workers of the queue on this node", q, g[2]);
    }
    String backend = cache.backend().backend();
    counter(
        "omnivibe.http.cache.lookups",
        "Response cache lookups",
        cache,
        backend,
        "hit",
        CacheStats::hits);
    counter(
        "omnivibe.http.cache.lookups",
        "Response cache lookups",
        cache,
        backend,
        "miss",
        CacheStats::misses);
    FunctionCounter.builder("omnivibe.http.cache.errors", cache, c -> c.backend().stats().errors())
        .description("Cache operations that failed (backend unreachable)")
        .tag("backend", backend)
        .register(registry);
    subscription = engine.metrics().listen(this::record);
  }

  private void gauge(String name, String help, QueueName q, AtomicInteger value) {
    Gauge.builder(name, value, AtomicInteger::get)
        .description(help)
        .tag("queue", q.id())
        .register(registry);
  }

  private void counter(
      String name,
      String help,
      ResponseCache cache,
      String backend,
      String result,
      ToDoubleFunction<CacheStats> read) {
    FunctionCounter.builder(name, cache, c -> read.applyAsDouble(c.backend().stats()))
        .description(help)
        .tags("backend", backend, "result", result)
        .register(registry);
  }

  /** Every operation the engine records; renders also by encoder. */
  private void record(
      String name, String category, double ms, Status status, Map<String, ?> metadata) {
    String outcome = status == Status.ERROR ? "error" : "success";
    long nanos = Math.round(ms * 1e6);
    timer("omnivibe.operation", "Time taken by recorded operations", category, name, outcome)
        .record(nanos, TimeUnit.NANOSECONDS);
    if ("render".equals(category)) {
      Object encoder = metadata.get("encoder");
      timer(
              "omnivibe.render",
              "Render wall time by encoder",
              null,
              String.valueOf(encoder),
              outcome)
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Timers are looked up once per series: every API request passes here. */
  private Timer timer(String meter, String help, String category, String name, String outcome) {
    String key = meter + '\u0000' + category + '\u0000' + name + '\u0000' + outcome;
    return timers.computeIfAbsent(
        key,
        k -> {
          Timer.Builder b =
              Timer.builder(meter)
                  .description(help)
                  .serviceLevelObjectives(BUCKETS)
                  .tag("outcome", outcome);
          b =
              category == null
                  ? b.tag("encoder", name)
                  : b.tag("category", category).tag("operation", name);
          return b.register(registry);
        });
  }

  /** The Prometheus text exposition, with the queue gauges read now. */
  public String scrape() {
    try {
      for (QueueStatus s : engine.queues()) {
        AtomicInteger[] g = queues.get(s.name());
        g[0].set(s.depth());
        g[1].set(s.running());
        g[2].set(s.workers());
      }
    } catch (RuntimeException e) {
      // A store that cannot answer leaves the last values; the JVM's meters still count.
      LOG.warn("queue gauges not refreshed: {}", e.toString());
    }
    return registry.scrape();
  }

  /** The text format's media type. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.debug("unsubscribing the meters: {}", e.toString());
    }
    gc.close();
    registry.close();
  }
}
