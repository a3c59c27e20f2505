package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A job handler whose behaviour each job's payload spells out, attempt by attempt: {@code {"steps":
 * ["fail:ENCODER", "ok"]}}. Steps: {@code ok}; {@code fail:KIND}; {@code wait} (until cancelled or
 * released); {@code stuck} (ignores cancel until released); {@code progress} (reports 1000 updates,
 * then ok).
 */
final class ScriptedHandler implements JobHandler {
  final List<String> started = new CopyOnWriteArrayList<>();
  final List<Boolean> softwareOnly = new CopyOnWriteArrayList<>();
  private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();

  void release(String name) {
    latch(name).countDown();
  }

  private CountDownLatch latch(String name) {
    return releases.computeIfAbsent(name, k -> new CountDownLatch(1));
  }

  @Override
  public JobResult run(JobContext ctx) throws Exception {
    String name = ctx.job().name();
    started.add(name);
    softwareOnly.add(ctx.softwareOnly());
    var steps = ctx.job().payload().node().path("steps");
    String step = steps.get(Math.min(ctx.job().attempts() - 1, steps.size() - 1)).asText();
    switch (step.replaceAll(":.*", "")) {
      case "ok" -> {
        return JobResult.none(1);
      }
      case "fail" ->
          throw new JobFailedException(
              FailureKind.valueOf(step.substring(5)), name + " failed on purpose", null);
      case "wait" -> {
        while (!ctx.cancelToken().isCancelled()) {
          if (latch(name).await(2, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return JobResult.none(1);
          }
        }
        throw new JobFailedException(
            FailureKind.TRANSIENT, "stopped: " + ctx.cancelToken().reason(), null);
      }
      case "stuck" -> {
        try {
          latch(name).await();
        } catch (InterruptedException e) {
          // a hard kill interrupts; a truly stuck handler would not notice, so keep waiting
          latch(name).await();
        }
        return JobResult.none(1);
      }
      case "progress" -> {
        for (int i = 1; i <= 1000; i++) {
          ctx.progress(new JobProgress(i / 10.0, 1, 1, "working"));
        }
        return JobResult.none(1);
      }
      default -> throw new IllegalArgumentException("unknown step " + step);
    }
  }
}
