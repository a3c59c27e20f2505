package dev.omnivibe.engine.ffmpeg;

/** No usable FFmpeg: the message says what was tried and how to fix it. */
public class FfmpegNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FfmpegNotFoundException(String message) {
    super(message);
  }
}
