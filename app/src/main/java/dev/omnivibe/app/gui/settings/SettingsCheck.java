package dev.omnivibe.app.gui.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one settings value; each method returns the problem in words, or null when it is fine. */
final class SettingsCheck {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]+");

  private SettingsCheck() {}

  static String port(String v) {
    try {
      int p = Integer.parseInt(v.trim());
      return p >= 0 && p <= 65535 ? null : "must be 0-65535 (0 picks a free port)";
    } catch (NumberFormatException e) {
      return "must be a whole number, got '" + v + "'";
    }
  }

  static String bind(String v) {
    return v != null && !v.isBlank() && HOST.matcher(v.trim()).matches()
        ? null
        : "must be an address such as 127.0.0.1 or 0.0.0.0";
  }

  static String workers(String v) {
    try {
      int n = Integer.parseInt(v.trim());
      return n >= 1 && n <= 64 ? null : "must be 1-64";
    } catch (NumberFormatException e) {
      return "must be a whole number, got '" + v + "'";
    }
  }

  /** Empty is fine (not used); otherwise a URI with one of {@code schemes}, a host and a port. */
  static String uri(String v, Set<String> schemes) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(v.trim());
      if (u.getScheme() == null || !schemes.contains(u.getScheme())) {
        return "must start with " + String.join("://, ", schemes) + "://";
      }
      if (u.getHost() == null) {
        return "has no host";
      }
      return null;
    } catch (URISyntaxException e) {
      return "is not a URI: " + e.getReason();
    }
  }

  static String executable(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      Path p = Path.of(v.trim());
      return Files.isRegularFile(p) && Files.isExecutable(p) ? null : "no executable file at " + v;
    } catch (InvalidPathException e) {
      return "is not a path: " + e.getReason();
    }
  }

  static String folder(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      Path p = Path.of(v.trim());
      if (!p.isAbsolute()) {
        return "must be an absolute path";
      }
      Path existing = p;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      return existing != null && Files.isDirectory(existing) && Files.isWritable(existing)
          ? null
          : "cannot be created or written: " + v;
    } catch (InvalidPathException e) {
      return "is not a path: " + e.getReason();
    }
  }
}
