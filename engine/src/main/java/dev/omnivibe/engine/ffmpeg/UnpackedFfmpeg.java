package dev.omnivibe.engine.ffmpeg;

import java.nio.file.Path;

/** The unpacked ffmpeg and ffprobe, or why there are none. */
public record UnpackedFfmpeg(Path ffmpeg, Path ffprobe, String problem) {
  static UnpackedFfmpeg failed(String problem) {
    return new UnpackedFfmpeg(null, null, problem);
  }
}
