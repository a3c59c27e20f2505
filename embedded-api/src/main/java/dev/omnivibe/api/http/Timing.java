package dev.omnivibe.api.http;

import dev.omnivibe.engine.monitor.Recorder;
import dev.omnivibe.engine.monitor.Status;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timing middleware: {@code X-Response-Time}, the monitor's {@code api} category and the slow
 * request log. An event stream is open for as long as its job runs, which says nothing about the
 * server's speed: it is recorded under {@code api-stream} and never logged as slow.
 */
public final class Timing {
  private static final Logger LOG = LoggerFactory.getLogger(Timing.class);
  private static final String STARTED = "omnivibe.started";
  private final Recorder monitor;
  private final Duration slow;

  public Timing(Recorder monitor, Duration slow) {
    this.monitor = monitor;
    this.slow = slow;
  }

  public void start(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  public void finish(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    double ms = (System.nanoTime() - started) / 1e6;
    String type = ctx.res().getContentType();
    boolean stream = type != null && type.startsWith("text/event-stream");
    if (!stream) {
      ctx.header("X-Response-Time", (Math.round(ms * 100) / 100.0) + "ms");
    }
    String template =
        ctx.endpoints().lastHttpEndpoint() == null ? null : ctx.endpoints().lastHttpEndpoint().path;
    String op =
        ctx.method() + " " + (template == null || template.isEmpty() ? "(unmatched)" : template);
    Status status = ctx.statusCode() >= 500 ? Status.ERROR : Status.SUCCESS;
    monitor.record(op, stream ? "api-stream" : "api", ms, status, Map.of());
    if (!stream && ms >= slow.toMillis()) {
      LOG.warn("slow request: {} took {} ms (status {})", op, Math.round(ms), ctx.statusCode());
    }
  }
}
