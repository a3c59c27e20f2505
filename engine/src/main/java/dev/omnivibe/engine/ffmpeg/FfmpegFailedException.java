package dev.omnivibe.engine.ffmpeg;

import java.util.List;

/** An FFmpeg run ended with an error; carries FFmpeg's own last lines for the user. */
public class FfmpegFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String executable;
  private final int exitCode;
  private final transient List<String> stderrTail;

  /**
   * @param executable the ffmpeg that failed, so a render can say which build it was
   */
  public FfmpegFailedException(
      String step, String executable, int exitCode, List<String> stderrTail) {
    super(
        step
            + " failed (ffmpeg exit "
            + exitCode
            + "): "
            + ProcessResult.lastNonBlank(String.join("\n", stderrTail), "no output"));
    this.executable = executable;
    this.exitCode = exitCode;
    this.stderrTail = List.copyOf(stderrTail);
  }

  public String executable() {
    return executable;
  }

  public int exitCode() {
    return exitCode;
  }

  public List<String> stderrTail() {
    return stderrTail;
  }

  public String stderrText() {
    return String.join("\n", stderrTail);
  }
}
