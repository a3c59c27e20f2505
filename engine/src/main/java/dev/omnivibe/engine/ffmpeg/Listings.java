package dev.omnivibe.engine.ffmpeg;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses FFmpeg's {@code -encoders}, {@code -decoders}, {@code -filters} and {@code -formats}
 * listings. Their legends and column widths differ between versions (5.1 prints three filter flags,
 * 8.0 two; 8.0 adds a device column to formats), so lines are recognised by their shape, not by
 * position.
 */
final class Listings {
  private Listings() {}

  /** Codec listings: {@code " V....D libx264 libx264 H.264 ..."}; the legend has "=". */
  static Set<String> codecs(String listing) {
    Set<String> names = new HashSet<>();
    for (String line : listing.split("\n")) {
      String[] t = line.trim().split("\\s+");
      if (t.length >= 2
          && t[0].length() == 6
          && t[0].matches("[VAS.][A-Z.]{5}")
          && !"=".equals(t[1])) {
        names.add(t[1]);
      }
    }
    return names;
  }

  /** Filter listing: {@code " T.C afade A->A Fade ..."} (5.1) or {@code " TS aap AA->A ..."}. */
  static Set<String> filters(String listing) {
    Set<String> names = new HashSet<>();
    for (String line : listing.split("\n")) {
      String[] t = line.trim().split("\\s+");
      if (t.length >= 3 && t[0].matches("[TSC.]{2,3}") && t[2].contains("->")) {
        names.add(t[1]);
      }
    }
    return names;
  }

  /**
   * Format listing: {@code " DE mov,mp4,... QuickTime"} or {@code " D d lavfi ..."}. The flag
   * tokens are made of D, E, d and dots; the first other token is the comma-separated names.
   *
   * @param flag {@code 'D'} for demuxers, {@code 'E'} for muxers
   */
  static Set<String> formats(String listing, char flag) {
    Set<String> names = new HashSet<>();
    boolean body = false;
    for (String line : listing.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.matches("-{2,}")) {
        body = true;
        continue;
      }
      if (!body || trimmed.isEmpty()) {
        continue;
      }
      String[] t = trimmed.split("\\s+");
      StringBuilder flags = new StringBuilder();
      int i = 0;
      while (i < t.length && t[i].matches("[DEd.]+")) {
        flags.append(t[i++]);
      }
      if (i < t.length && flags.indexOf(String.valueOf(flag)) >= 0) {
        names.addAll(List.of(t[i].split(",")));
      }
    }
    return names;
  }

  /** {@code "ffmpeg version 5.1.9-0+deb12u1 Copyright ..."} to {@code "5.1.9-0+deb12u1"}. */
  static String version(String versionOutput) {
    String first = versionOutput.lines().findFirst().orElse("unknown version");
    return first
        .replaceFirst("^(ffmpeg|ffprobe) version ", "")
        .replaceAll(" Copyright.*", "")
        .trim();
  }
}
