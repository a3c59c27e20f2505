package dev.omnivibe.engine.encoder;

/**
 * What the probe found for one candidate.
 *
 * @param reason null when usable
 * @param detail FFmpeg's own message behind the reason, empty when usable
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
    long probeMillis) {

  static EncoderStatus usable(EncoderCandidate c, long millis) {
    return new EncoderStatus(
        c.name(), c.vendor(), c.codec(), c.hardware(), c.rank(), true, null, "", millis);
  }

  static EncoderStatus failed(
      EncoderCandidate c, FailureReason reason, String detail, long millis) {
    return new EncoderStatus(
        c.name(), c.vendor(), c.codec(), c.hardware(), c.rank(), false, reason, detail, millis);
  }
}
