package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.JobResult;
import org.slf4j.LoggerFactory;

/** How one attempt ended, as its worker saw it: a result or a classified failure. */
public record Outcome(JobResult result, FailureKind failure, String message) {
  /** Runs one attempt and classifies how it ended; a handler never throws past this. */
  public static Outcome of(JobHandler handler, JobContext ctx) {
    if (handler == null) {
      return failed(FailureKind.BAD_INPUT, "this engine cannot run " + ctx.job().type() + " jobs");
    }
    try {
      return success(handler.run(ctx));
    } catch (JobFailedException e) {
      return failed(e.kind(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.interrupted();
      return failed(FailureKind.TRANSIENT, "interrupted");
    } catch (Exception e) {
      LoggerFactory.getLogger(Outcome.class).warn("job {} failed unexpectedly", ctx.job().id(), e);
      return failed(FailureKind.TRANSIENT, String.valueOf(e));
    }
  }

  public static Outcome success(JobResult result) {
    return new Outcome(result, null, null);
  }

  public static Outcome failed(FailureKind kind, String message) {
    return new Outcome(null, kind, message);
  }

  public boolean succeeded() {
    return failure == null;
  }
}
