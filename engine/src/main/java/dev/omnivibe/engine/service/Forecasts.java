package dev.omnivibe.engine.service;

import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.estimate.RenderEstimator;
import dev.omnivibe.engine.estimate.Workload;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.UnknownJobException;
import dev.omnivibe.engine.payload.PayloadCodec;
import dev.omnivibe.engine.payload.RenderPayload;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.queue.QueueSnapshot;
import dev.omnivibe.engine.queue.QueueStatus;
import dev.omnivibe.engine.render.EncoderSelector;
import dev.omnivibe.engine.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * ETAs for jobs and queues: a running job's own ETA (or the estimate scaled by what is left), and
 * for waiting work the estimator's forecast spread over the queue's workers.
 */
public final class Forecasts {
  private final JobQueue queue;
  private final RenderEstimator estimator;
  private final Supplier<EncoderReport> encoders;

  public Forecasts(JobQueue queue, RenderEstimator estimator, Supplier<EncoderReport> encoders) {
    this.queue = queue;
    this.estimator = estimator;
    this.encoders = encoders;
  }

  /** Teaches the estimator the renders of the last 30 days. */
  public static void learnHistory(Store store, Instant now, RenderEstimator estimator) {
    for (Job j : store.succeededSince(now.minus(Duration.ofDays(30)), 500)) {
      if (j.type() == JobType.RENDER && j.result() != null && !j.cached()) {
        Workload work;
        try {
          work = PayloadCodec.render(j).workload();
        } catch (IllegalArgumentException e) {
          work = new Workload(j.result().uniqueFrames(), j.result().videoSeconds());
        }
        estimator.learn(j.result().encoder(), work, j.result().wallMillis() / 1000.0);
      }
    }
  }

  public double etaSeconds(String id) {
    Job job = queue.job(id).orElseThrow(() -> new UnknownJobException(id));
    if (job.state().isTerminal()) {
      return 0;
    }
    if (job.state() == JobState.RUNNING) {
      return remaining(job);
    }
    return status(job.queue(), job.id()).etaSeconds();
  }

  public List<QueueStatus> queues() {
    List<QueueStatus> out = new ArrayList<>();
    for (QueueName q : QueueName.values()) {
      out.add(status(q, null));
    }
    return out;
  }

  public double estimateSeconds(ResolvedDeck deck, String encoderChoice) {
    return estimator.seconds(encoderFor(encoderChoice, false), Workload.of(deck));
  }

  /** Queue status; when {@code upTo} is given, the ETA is until that job is done. */
  private QueueStatus status(QueueName q, String upTo) {
    QueueSnapshot s = queue.snapshot(q);
    double running = 0;
    double longest = 0;
    for (Job j : queue.openJobs()) {
      if (j.queue() == q && j.state() == JobState.RUNNING && !j.isFollower()) {
        double left = remaining(j);
        running += left;
        longest = Math.max(longest, left);
      }
    }
    double waiting = 0;
    for (Job j : queue.waitingJobs(q)) {
      waiting += estimate(j);
      if (j.id().equals(upTo)) {
        break;
      }
    }
    // Work spreads over the workers, but the queue cannot finish before its longest running job.
    double eta = Math.max(longest, (running + waiting) / Math.max(1, s.workers()));
    return new QueueStatus(q, s.depth(), s.running(), s.workers(), s.paused(), eta);
  }

  private double remaining(Job j) {
    JobProgress p = queue.progress(j.id());
    if (!Double.isNaN(p.etaSeconds())) {
      return p.etaSeconds();
    }
    return estimate(j) * (1 - p.percent() / 100);
  }

  private double estimate(Job j) {
    if (j.type() != JobType.RENDER) {
      return 0;
    }
    // The payload is decoded once per job and kept with it, so a queue ETA does not re-parse JSON.
    RenderPayload p = PayloadCodec.render(j);
    return estimator.seconds(encoderFor(p.encoder(), j.softwareOnly()), p.workload());
  }

  private String encoderFor(String choice, boolean softwareOnly) {
    if (softwareOnly) {
      return "libx264";
    }
    try {
      return EncoderSelector.select(choice, encoders.get()).encoder();
    } catch (IllegalArgumentException e) {
      return choice;
    }
  }
}
