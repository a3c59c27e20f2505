package dev.omnivibe.engine.encoder;

/**
 * What the probe found for one candidate.
 *
 * @param reason null when usable
 * @param detail FFmpeg's own message behind the reason; for an encoder that only another FFmpeg
 *     build could drive, why the main build could not
 * @param drivenBy the FFmpeg executable that ran the deciding trial (the one that passed, or the
 *     main build's when none did); renders with this encoder run their video steps with it
 */
public record EncoderStatus(
    String name,
    String vendor,
    Codec codec,
    boolean hardware,
    int rank,
    boolean usable,
    FailureReason reason,
    String detail,
    long probeMillis,
    String drivenBy) {

  static EncoderStatus usable(EncoderCandidate c, long millis, String drivenBy) {
    return new EncoderStatus(
        c.name(), c.vendor(), c.codec(), c.hardware(), c.rank(), true, null, "", millis, drivenBy);
  }

  static EncoderStatus failed(
      EncoderCandidate c, FailureReason reason, String detail, long millis, String drivenBy) {
    return new EncoderStatus(
        c.name(),
        c.vendor(),
        c.codec(),
        c.hardware(),
        c.rank(),
        false,
        reason,
        detail,
        millis,
        drivenBy);
  }

  /** The same status with another detail. */
  EncoderStatus withDetail(String text) {
    return new EncoderStatus(
        name, vendor, codec, hardware, rank, usable, reason, text, probeMillis, drivenBy);
  }
}
