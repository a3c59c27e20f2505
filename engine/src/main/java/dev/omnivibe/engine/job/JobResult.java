package dev.omnivibe.engine.job;

/**
 * What a successful job produced.
 *
 * @param output absolute path of the file, or null for jobs without one
 * @param sha256 hex digest of the output, used to check a cached result is still intact
 * @param uniqueFrames frames that had to be drawn (stills and transitions), for estimates
 * @param speed seconds of output per second of wall time
 * @param ffmpeg the FFmpeg build that encoded the video ({@code FfmpegTools.name()}, e.g. "bundled
 *     FFmpeg 8.0.1"), or null
 */
public record JobResult(
    String output,
    long bytes,
    String sha256,
    String encoder,
    String fallbackReason,
    long frames,
    long uniqueFrames,
    double videoSeconds,
    long wallMillis,
    double speed,
    String ffmpeg) {

  public static JobResult none(long wallMillis) {
    return new JobResult(null, 0, null, null, null, 0, 0, 0, wallMillis, 0, null);
  }
}
