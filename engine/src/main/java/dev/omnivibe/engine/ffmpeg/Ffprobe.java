package dev.omnivibe.engine.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Asks ffprobe about a media file; used for compressed narration and by tests. */
public final class Ffprobe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path ffprobe;
  private final Map<String, String> env;

  public Ffprobe(FfmpegTools tools) {
    this.ffprobe = tools.ffprobe();
    this.env = tools.environment();
  }

  /**
   * Streams and container of a file as ffprobe's JSON ({@code -show_format -show_streams}).
   *
   * @throws IOException with ffprobe's own error line when the file cannot be read
   */
  public JsonNode probe(Path file) throws IOException {
    ProcessResult r =
        ProcessResult.run(
            List.of(
                ffprobe.toString(),
                "-v",
                "error",
                "-show_format",
                "-show_streams",
                "-of",
                "json",
                file.toString()),
            env,
            Duration.ofSeconds(30));
    if (r.exitCode() != 0) {
      String why = r.lastLine().replace(file.toString() + ": ", "");
      throw new IOException(why.isEmpty() ? "ffprobe failed" : why);
    }
    return JSON.readTree(r.stdout());
  }

  /**
   * Reads the first audio stream; the duration falls back to the container's.
   *
   * @throws IOException when the file has no readable audio
   */
  public AudioStream audio(Path file) throws IOException {
    JsonNode info = probe(file);
    for (JsonNode stream : info.path("streams")) {
      if ("audio".equals(stream.path("codec_type").asText())) {
        double d = stream.path("duration").asDouble(Double.NaN);
        if (Double.isNaN(d)) {
          d = info.path("format").path("duration").asDouble(Double.NaN);
        }
        if (Double.isNaN(d) || d <= 0) {
          throw new IOException("no duration in the audio stream");
        }
        return new AudioStream(d, Math.max(1, stream.path("channels").asInt(1)));
      }
    }
    throw new IOException("no audio stream");
  }
}
