package dev.omnivibe.app.gui.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.EventMerger;
import dev.omnivibe.app.gui.queue.QueueView;
import dev.omnivibe.app.gui.queue.QueueViewModel;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Payload;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.queue.JobListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How responsive the FX thread stays while the real queue table shows 100 running jobs, each
 * reporting progress 10 times a second. The probe posts a runnable to the FX thread every 20 ms and
 * records how long it waited. Three phases in one run: idle (the baseline), events merged by {@link
 * EventMerger} (what the app does), and one {@code runLater} per event (the naive way).
 *
 * <p>Run by {@code bench/ui.sh}; arguments: seconds per phase (default 5) and rounds (default 3).
 */
public final class QueueUiBenchmark {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final int JOBS = 100;

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    CountDownLatch up = new CountDownLatch(1);
    Platform.startup(up::countDown);
    up.await();
    Platform.setImplicitExit(false); // each phase closes its window; the toolkit must stay up
    // Warm-up (class loading, JIT, first layouts), not reported.
    phase("warm-up", 0, 2, Mode.MERGED, false);
    phase("warm-up", 0, 2, Mode.NAIVE, false);
    System.out.printf(
        Locale.ROOT,
        "%-8s %5s %9s %9s %9s %12s %10s%n",
        "phase",
        "round",
        "p50 ms",
        "p99 ms",
        "max ms",
        "fx tasks/s",
        "fx cpu %");
    List<double[]> idle = new ArrayList<>();
    List<double[]> merged = new ArrayList<>();
    List<double[]> naive = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      idle.add(phase("idle", r, seconds, Mode.IDLE, true));
      merged.add(phase("merged", r, seconds, Mode.MERGED, true));
      naive.add(phase("naive", r, seconds, Mode.NAIVE, true));
    }
    double idleP99 = median(idle, 1);
    System.out.printf(
        Locale.ROOT,
        "%nmedian p99 wait: idle %.2f ms, merged %.2f ms (%.2fx idle), naive %.2f ms (%.2fx idle)%n",
        idleP99,
        median(merged, 1),
        median(merged, 1) / idleP99,
        median(naive, 1),
        median(naive, 1) / idleP99);
    System.out.printf(
        Locale.ROOT,
        "median FX tasks/s from events: merged %.0f, naive %.0f%n",
        median(merged, 3),
        median(naive, 3));
    System.out.printf(
        Locale.ROOT,
        "median FX thread CPU: idle %.1f %%, merged %.1f %% (%.2fx idle), naive %.1f %% (%.2fx idle)%n",
        median(idle, 4),
        median(merged, 4),
        median(merged, 4) / median(idle, 4),
        median(naive, 4),
        median(naive, 4) / median(idle, 4));
    Platform.exit();
    System.exit(0);
  }

  enum Mode {
    IDLE,
    MERGED,
    NAIVE
  }

  static double[] phase(String name, int round, int seconds, Mode mode, boolean print)
      throws Exception {
    QueueViewModel vm = new QueueViewModel(null, Async.direct(), Clock.systemUTC()); // events only
    AtomicLong fxTasks = new AtomicLong();
    EventMerger merger =
        new EventMerger(
            r -> {
              fxTasks.incrementAndGet();
              Platform.runLater(r);
            },
            Duration.ofMillis(100),
            vm::apply);
    JobListener sink =
        switch (mode) {
          case MERGED, IDLE -> merger;
          case NAIVE ->
              e -> {
                fxTasks.incrementAndGet();
                Platform.runLater(() -> vm.apply(List.of(e)));
              };
        };
    Stage stage =
        fx(
            () -> {
              Stage s = new Stage();
              s.setScene(new Scene(new QueueView(vm, p -> {}, j -> {}), 1200, 800));
              s.show();
              return s;
            });
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      Job q =
          Job.queued(
              "job-" + i,
              "Render " + i,
              JobType.RENDER,
              QueueName.VIDEO,
              5,
              i,
              Payload.of(JsonNodeFactory.instance.objectNode()),
              null,
              null,
              T0);
      jobs.add(q.to(JobState.RUNNING, T0));
    }
    jobs.forEach(j -> merger.onEvent(new JobEvent(JobEvent.Kind.CHANGED, j, JobProgress.NONE)));
    merger.flush();
    fx(() -> null);
    fxTasks.set(0);
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long fxThread = fx(() -> Thread.currentThread().getId());
    long cpuBefore = threads.getThreadCpuTime(fxThread);

    Thread producer =
        new Thread(
            () -> {
              long start = System.nanoTime();
              for (int tick = 0; !Thread.currentThread().isInterrupted(); tick++) {
                if (mode != Mode.IDLE) {
                  for (Job j : jobs) {
                    sink.onEvent(
                        new JobEvent(
                            JobEvent.Kind.PROGRESS,
                            j,
                            new JobProgress(tick % 100, 60, 1, "encode")));
                  }
                }
                long next = start + (tick + 1) * 100_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                  try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            },
            "bench-producer");
    producer.start();
    List<Double> waits = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      long sent = System.nanoTime();
      CompletableFuture<Long> ran = new CompletableFuture<>();
      Platform.runLater(() -> ran.complete(System.nanoTime()));
      waits.add((ran.get(30, TimeUnit.SECONDS) - sent) / 1e6);
      Thread.sleep(20);
    }
    producer.interrupt();
    producer.join();
    long tasks = fxTasks.get();
    merger.close();
    fx(
        () -> {
          stage.close();
          return null;
        });
    double[] w = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double cpu = (threads.getThreadCpuTime(fxThread) - cpuBefore) / 1e9 / seconds * 100;
    double[] out = {pct(w, 50), pct(w, 99), w[w.length - 1], tasks / (double) seconds, cpu};
    if (print) {
      System.out.printf(
          Locale.ROOT,
          "%-8s %5d %9.2f %9.2f %9.2f %12.0f %10.1f%n",
          name,
          round,
          out[0],
          out[1],
          out[2],
          out[3],
          out[4]);
    }
    return out;
  }

  static double pct(double[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static double median(List<double[]> runs, int column) {
    double[] v = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return v[v.length / 2];
  }

  static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(c.call());
          } catch (Exception e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(30, TimeUnit.SECONDS);
  }
}
