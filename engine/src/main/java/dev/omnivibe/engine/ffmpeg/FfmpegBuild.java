package dev.omnivibe.engine.ffmpeg;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one FFmpeg build can do, as its own listings say: version, encoders, decoders, filters and
 * formats, and whether it takes an option's value from a file ({@code -/filter_complex FILE},
 * FFmpeg 7 and newer).
 *
 * @param version the version as the build prints it, e.g. {@code 5.1.9-0+deb12u1}
 * @param fileOptions the {@code -/option file} form works; older builds need {@code
 *     -filter_complex_script}
 */
public record FfmpegBuild(
    String version,
    Set<String> encoders,
    Set<String> decoders,
    Set<String> filters,
    Set<String> muxers,
    Set<String> demuxers,
    boolean fileOptions) {
  private static final Pattern NUMBER = Pattern.compile("^n?(\\d+)\\.(\\d+)");

  public FfmpegBuild {
    encoders = Set.copyOf(encoders);
    decoders = Set.copyOf(decoders);
    filters = Set.copyOf(filters);
    muxers = Set.copyOf(muxers);
    demuxers = Set.copyOf(demuxers);
  }

  /**
   * A build taken on trust, without listings: tests' stand-ins and callers that name their own
   * FFmpeg and know what it is.
   */
  public static FfmpegBuild assumed(String version) {
    return new FfmpegBuild(version, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), true);
  }

  /** Major and minor version, e.g. {@code "5.1"}; git builds ({@code N-1234-g…}) say "git". */
  public String shortVersion() {
    Matcher m = NUMBER.matcher(version);
    return m.find() ? m.group(1) + "." + m.group(2) : version.startsWith("N-") ? "git" : version;
  }

  /** The arguments that pass a filter graph held in {@code file}, in the form this build takes. */
  public java.util.List<String> filterGraphFile(java.nio.file.Path file) {
    return fileOptions
        ? java.util.List.of("-/filter_complex", file.toString())
        : java.util.List.of("-filter_complex_script", file.toString());
  }
}
