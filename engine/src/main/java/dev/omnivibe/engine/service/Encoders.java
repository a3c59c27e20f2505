package dev.omnivibe.engine.service;

import dev.omnivibe.engine.encoder.Codec;
import dev.omnivibe.engine.encoder.EncoderDetector;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.job.QueueName;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** What the encoder probe found on this machine, probed again when asked. */
public final class Encoders implements Supplier<EncoderReport> {
  private final EncoderDetector detector;
  private volatile EncoderReport report;

  public Encoders(EncoderDetector detector) {
    this.detector = detector;
    this.report = detector.detect(false);
  }

  @Override
  public EncoderReport get() {
    return report;
  }

  public EncoderReport refresh() {
    report = detector.detect(true);
    return report;
  }

  /**
   * Workers per queue: a hardware encoder runs a few sessions at once; software renders already use
   * every core, so two at a time on half the cores each keeps the machine busy without thrashing.
   */
  public Map<QueueName, Integer> workers(Map<QueueName, Integer> overrides) {
    Map<QueueName, Integer> w = new EnumMap<>(QueueName.class);
    boolean hardware = report.best(Codec.H264).map(s -> s.hardware()).orElse(false);
    int cores = Runtime.getRuntime().availableProcessors();
    w.put(QueueName.VIDEO, hardware ? 2 : Math.max(1, cores / 2));
    w.put(QueueName.AUDIO, 2);
    w.put(QueueName.MAINTENANCE, 1);
    w.putAll(overrides);
    return w;
  }
}
