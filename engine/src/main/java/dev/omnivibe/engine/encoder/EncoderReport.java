package dev.omnivibe.engine.encoder;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The result of one probe: every candidate with its status, and the key it is cached under.
 *
 * @param fingerprint the FFmpeg builds plus GPU driver fingerprint; a change means probe again
 * @param ffmpegChoice which FFmpeg renders use and why the other candidates were passed over
 */
public record EncoderReport(
    String ffmpegVersion,
    String fingerprint,
    Instant probedAt,
    long probeMillis,
    List<EncoderStatus> encoders,
    String ffmpegChoice) {

  public EncoderReport {
    encoders = List.copyOf(encoders);
    ffmpegChoice = ffmpegChoice == null ? "" : ffmpegChoice;
  }

  /** The same report with today's explanation of the FFmpeg choice (a cached one may be stale). */
  public EncoderReport withChoice(String choice) {
    return new EncoderReport(ffmpegVersion, fingerprint, probedAt, probeMillis, encoders, choice);
  }

  /** The preferred usable encoder for a codec: hardware before software, then by rank. */
  public Optional<EncoderStatus> best(Codec codec) {
    return encoders.stream()
        .filter(e -> e.usable() && e.codec() == codec)
        .min(Comparator.comparingInt(EncoderStatus::rank));
  }

  public Optional<EncoderStatus> find(String name) {
    return encoders.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
