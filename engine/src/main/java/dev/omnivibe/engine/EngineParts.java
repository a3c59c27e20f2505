package dev.omnivibe.engine;

import dev.omnivibe.engine.dedup.ResultCache;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.hooks.HookRunner;
import dev.omnivibe.engine.hooks.WebhookTargets;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.ImageInspector;
import dev.omnivibe.engine.media.MediaException;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.service.DataFolder;
import dev.omnivibe.engine.service.Encoders;
import dev.omnivibe.engine.service.Forecasts;
import dev.omnivibe.engine.service.LocalNode;
import dev.omnivibe.engine.service.Maintenance;
import dev.omnivibe.engine.service.Narrator;
import dev.omnivibe.engine.service.Submissions;
import dev.omnivibe.engine.store.Store;
import java.nio.file.Path;

/** What {@link EngineAssembly} wires and the {@link Engine} facade delegates to. */
record EngineParts(
    DataFolder folder,
    java.time.Clock clock,
    Store store,
    FfmpegTools tools,
    AudioInspector audio,
    Encoders encoders,
    ResultCache cache,
    PerformanceMonitor monitor,
    JobQueue queue,
    Submissions submissions,
    Forecasts forecasts,
    Narrator narrator,
    HookRunner hooks,
    WebhookTargets webhookTargets,
    LocalNode node,
    Maintenance maintenance)
    implements AutoCloseable {

  EngineHealth health() {
    boolean up;
    try {
      store.maxRank(); // the cheapest query every store answers
      up = true;
    } catch (RuntimeException e) {
      up = false;
    }
    return new EngineHealth(
        up,
        tools.version(),
        tools.source().id(),
        tools.choice().text(),
        tools.choice().publicText());
  }

  void checkMedia(Path file, boolean image) throws MediaException {
    if (image) {
      new ImageInspector().inspect(file);
    } else {
      audio.inspect(file);
    }
  }

  /** Stops the workers (running jobs go back to the queue), saves metrics, closes the store. */
  @Override
  public void close() {
    maintenance.close();
    if (node.studio() != null) {
      node.studio().close();
    }
    queue.close();
    hooks.close(); // lets hooks of jobs that just finished complete (bounded by their timeouts)
    monitor.flush();
    store.close();
    folder.close();
  }
}
