package dev.omnivibe.engine.encoder;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps FFmpeg's error output from a trial encode to a {@link FailureReason}.
 *
 * <p>Patterns are checked in order, most specific first: an NVENC session-limit error also says
 * "OpenEncodeSessionEx failed", so it must win over the generic messages below it.
 */
public final class FailureClassifier {
  private record Rule(FailureReason reason, Pattern pattern) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              FailureReason.NOT_COMPILED_IN,
              "unknown encoder|encoder not found|error selecting an encoder"),
          rule(
              FailureReason.SESSION_LIMIT,
              "incompatible client key|out of memory \\(10\\)|session limit|too many (concurrent )?sessions"
                  + "|nv_enc_err_out_of_memory|maximum number of (encode )?sessions"),
          rule(
              FailureReason.DRIVER_TOO_OLD,
              "driver does not support the required nvenc api|minimum required nvidia driver"
                  + "|driver version is insufficient|api version .*not supported|update your driver"
                  + "|unsupported (amf|mfx) (runtime )?version"),
          rule(
              FailureReason.LIBRARY_MISSING,
              "cannot load (lib)?cuda|cannot load libnvidia-encode|cannot load nvcuda|cannot load nvencodeapi"
                  + "|could not dynamically load|failed to load library|cannot load amf|amfrt(64)?\\S* failed to open"
                  + "|libmfx|libvpl|no valid mfx|libva\\S*: cannot open|error while loading shared libraries"
                  + "|cannot open shared object"),
          rule(
              FailureReason.NO_DEVICE,
              "no nvenc capable devices|no capable devices found|unsupported device \\(2\\)"
                  + "|does not support nvenc|cuda_error_no_device|no cuda-capable device|no va display"
                  + "|no available render device|cannot open a va display|failed to create a vaapi device"
                  + "|failed to open /dev/dri|device creation failed|failed to set value .*(vaapi|qsv)_device"
                  + "|mfx session: unsupported|error (initializing|creating) an? (internal )?mfx session"
                  + "|no device available|no hardware device|failed to initialise vaapi|no usable .*device"
                  + "|cannot create .*hardware device|videotoolbox.*(unavailable|not available)"));

  private FailureClassifier() {}

  /**
   * Classifies a trial's error output in the light of the GPUs present: FFmpeg's own message says
   * what it ran into, not always what is wrong with the machine.
   *
   * <ul>
   *   <li>NVENC on GPUs that have no NVENC unit (H100, H200, A100...) is "no device", whatever the
   *       build said: a build with a newer encoder API reports "driver too old" there first, and a
   *       driver update would not help.
   *   <li>Quick Sync that finds no session while an Intel GPU is present lacks its runtime.
   * </ul>
   */
  public static Diagnosis diagnose(String encoder, String stderr, GpuInventory gpus) {
    FailureReason reason = classify(stderr);
    String detail = explain(stderr);
    if (encoder.endsWith("_nvenc")
        && reason != FailureReason.NOT_COMPILED_IN
        && gpus.nvencAbsent()) {
      return new Diagnosis(
          FailureReason.NO_DEVICE,
          String.join(", ", gpus.nvidiaModels())
              + (gpus.nvidiaModels().size() == 1 ? " has" : " have")
              + " no NVENC encoder unit (FFmpeg said: "
              + detail
              + ")");
    }
    if (encoder.endsWith("_qsv") && reason == FailureReason.NO_DEVICE && gpus.has("intel")) {
      return new Diagnosis(
          FailureReason.LIBRARY_MISSING,
          "an Intel GPU is present but its Quick Sync runtime did not start (Debian/Ubuntu:"
              + " `sudo apt-get install libmfx1 intel-media-va-driver-non-free`; 12th-gen Core and"
              + " newer need a oneVPL build: h264_vaapi works there). FFmpeg said: "
              + detail);
    }
    return new Diagnosis(reason, detail);
  }

  private static Rule rule(FailureReason reason, String regex) {
    return new Rule(reason, Pattern.compile(regex));
  }

  public static FailureReason classify(String stderr) {
    String text = stderr.toLowerCase(Locale.ROOT);
    for (Rule r : RULES) {
      if (r.pattern.matcher(text).find()) {
        return r.reason;
      }
    }
    return FailureReason.OTHER;
  }

  /** The line of stderr that best explains the failure, for showing next to the reason. */
  public static String explain(String stderr) {
    List<String> lines = stderr.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    for (Rule r : RULES) {
      for (String line : lines) {
        if (r.pattern.matcher(line.toLowerCase(Locale.ROOT)).find()) {
          return stripContext(line);
        }
      }
    }
    return lines.isEmpty() ? "no error output" : stripContext(lines.get(lines.size() - 1));
  }

  /** Drops FFmpeg's {@code [h264_nvenc @ 0x55d3...]} prefixes, which mean nothing to users. */
  private static String stripContext(String line) {
    return line.replaceAll("^(\\[[^]]*] ?)+", "").trim();
  }
}
