package dev.omnivibe.engine.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names every system library an FFmpeg binary cannot load, and the packages that bring them. The
 * dynamic loader stops at the first missing library; {@code ldd} lists them all, so the user
 * installs once instead of once per library.
 */
public final class MissingLibraries {
  private static final Pattern NOT_FOUND = Pattern.compile("^\\s*(\\S+) => not found");
  private static final Pattern LOADER =
      Pattern.compile("error while loading shared libraries: ([^:]+):");

  /** Debian/Ubuntu package and Fedora package per library. */
  private static final Map<String, String[]> PACKAGES =
      Map.ofEntries(
          Map.entry("libxcb.so.1", new String[] {"libxcb1", "libxcb"}),
          Map.entry("libxcb-shm.so.0", new String[] {"libxcb-shm0", "libxcb"}),
          Map.entry("libxcb-shape.so.0", new String[] {"libxcb-shape0", "libxcb"}),
          Map.entry("libxcb-xfixes.so.0", new String[] {"libxcb-xfixes0", "libxcb"}),
          Map.entry("libasound.so.2", new String[] {"libasound2", "alsa-lib"}),
          Map.entry("libpulse.so.0", new String[] {"libpulse0", "pulseaudio-libs"}),
          Map.entry("libudev.so.1", new String[] {"libudev1", "systemd-libs"}),
          Map.entry("libX11.so.6", new String[] {"libx11-6", "libX11"}),
          Map.entry("libdrm.so.2", new String[] {"libdrm2", "libdrm"}),
          Map.entry("libva.so.2", new String[] {"libva2", "libva"}),
          Map.entry("libstdc++.so.6", new String[] {"libstdc++6", "libstdc++"}),
          Map.entry("libz.so.1", new String[] {"zlib1g", "zlib"}));

  private MissingLibraries() {}

  /**
   * What to tell a user whose FFmpeg failed with {@code loaderError}: the missing libraries and the
   * install lines, or empty when the failure is not a missing library.
   */
  public static String explain(Path exe, Map<String, String> env, String loaderError) {
    Matcher first = LOADER.matcher(loaderError);
    if (!first.find()) {
      return "";
    }
    Set<String> libs = new LinkedHashSet<>(list(exe, env));
    if (libs.isEmpty()) {
      libs.add(first.group(1).trim());
    }
    return advice(libs);
  }

  /** The install advice for these libraries. */
  static String advice(Set<String> libs) {
    List<String> debian = new ArrayList<>();
    List<String> fedora = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String lib : libs) {
      String[] p = PACKAGES.get(lib);
      if (p == null) {
        unknown.add(lib);
        continue;
      }
      if (!debian.contains(p[0])) {
        debian.add(p[0]);
      }
      if (!fedora.contains(p[1])) {
        fedora.add(p[1]);
      }
    }
    StringBuilder b =
        new StringBuilder("missing system librar")
            .append(libs.size() == 1 ? "y " : "ies ")
            .append(String.join(", ", libs))
            .append(".");
    if (!debian.isEmpty()) {
      b.append(libs.size() == 1 ? " Install it: " : " Install them: ")
          .append("Debian/Ubuntu `sudo apt-get install ")
          .append(String.join(" ", debian))
          .append('`');
      if (debian.contains("libasound2")) {
        b.append(" (libasound2t64 on Ubuntu 24.04 and Debian 13)");
      }
      b.append(", Fedora `sudo dnf install ").append(String.join(" ", fedora)).append("`.");
    }
    if (!unknown.isEmpty()) {
      b.append(" Your distribution's package search finds ").append(String.join(", ", unknown));
      b.append(" (Debian/Ubuntu: `apt-file search NAME`, Fedora: `dnf provides '*/NAME'`).");
    }
    return b.toString();
  }

  /** Every "not found" line of {@code ldd exe}; empty when ldd is not there. */
  static List<String> list(Path exe, Map<String, String> env) {
    Path ldd = Path.of("/usr/bin/ldd");
    if (!Files.isExecutable(ldd)) {
      return List.of();
    }
    try {
      ProcessResult r =
          ProcessResult.run(List.of(ldd.toString(), exe.toString()), env, Duration.ofSeconds(10));
      return parse(r.stdout());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  static List<String> parse(String lddOutput) {
    List<String> out = new ArrayList<>();
    for (String line : lddOutput.split("\n")) {
      Matcher m = NOT_FOUND.matcher(line);
      if (m.find() && !out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }
}
