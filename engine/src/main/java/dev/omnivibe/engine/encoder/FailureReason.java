package dev.omnivibe.engine.encoder;

/** Why an encoder candidate cannot be used, as far as FFmpeg's messages tell. */
public enum FailureReason {
  /** FFmpeg was built without this encoder. */
  NOT_COMPILED_IN,
  /** The driver library is there, but no matching GPU or render node is. */
  NO_DEVICE,
  /** The installed driver is older than the encoder API this FFmpeg needs. */
  DRIVER_TOO_OLD,
  /** The GPU refused another encode session (consumer NVENC cards cap them). */
  SESSION_LIMIT,
  /** The vendor runtime (libcuda, libnvidia-encode, libmfx/libvpl, AMF, libva) is not installed. */
  LIBRARY_MISSING,
  /** Anything else; the detail carries FFmpeg's own last error line. */
  OTHER
}
