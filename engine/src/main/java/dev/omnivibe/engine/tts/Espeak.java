package dev.omnivibe.engine.tts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Local speech with espeak-ng, run from an argument list. The text goes in through standard input,
 * so words that look like options ("-v", "--help") are spoken, not parsed.
 */
public final class Espeak implements SpeechEngine {
  static final String INSTALL =
      "espeak-ng is not installed, so there are no local voices. Install it: "
          + "`sudo apt-get install espeak-ng` (Debian/Ubuntu), `brew install espeak-ng` (macOS), "
          + "or the installer from github.com/espeak-ng/espeak-ng/releases (Windows); "
          + "or set OMNIVIBE_ESPEAK to its path";
  private final Path binary;
  private volatile List<Voice> voices;

  Espeak(Path binary) {
    this.binary = binary;
  }

  /** Finds {@code espeak-ng}: {@code OMNIVIBE_ESPEAK}, then {@code PATH}. */
  public static Espeak locate(Map<String, String> env) {
    String explicit = env.get("OMNIVIBE_ESPEAK");
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      return new Espeak(Files.isExecutable(p) ? p : null);
    }
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      for (String name : List.of("espeak-ng", "espeak-ng.exe")) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return new Espeak(p);
        }
      }
    }
    return new Espeak(null);
  }

  @Override
  public String name() {
    return "espeak-ng";
  }

  @Override
  public boolean available() {
    return binary != null;
  }

  /**
   * The installed voices, read once.
   *
   * @throws SpeechUnavailableException saying how to install espeak-ng
   */
  @Override
  public List<Voice> voices() throws IOException, InterruptedException {
    List<Voice> v = voices;
    if (v == null) {
      v = parseVoices(run(List.of(binary().toString(), "--voices"), null, Duration.VOICES));
      voices = v;
    }
    return v;
  }

  /**
   * Speaks {@code request} into a WAV file.
   *
   * @throws IOException with espeak-ng's own message when it fails
   */
  @Override
  public Path speak(SpeechRequest request, Path wav) throws IOException, InterruptedException {
    Files.createDirectories(wav.toAbsolutePath().getParent());
    run(
        List.of(
            binary().toString(),
            "-v",
            request.voice(),
            "-s",
            Integer.toString(request.rate()),
            "-w",
            wav.toString(),
            "--stdin"),
        request.text(),
        Duration.SPEAK);
    if (!Files.isRegularFile(wav) || Files.size(wav) <= 44) {
      throw new IOException("espeak-ng wrote no audio for voice " + request.voice());
    }
    return wav;
  }

  private Path binary() {
    if (binary == null) {
      throw new SpeechUnavailableException(INSTALL);
    }
    return binary;
  }

  private enum Duration {
    VOICES(30),
    SPEAK(120);
    final long seconds;

    Duration(long seconds) {
      this.seconds = seconds;
    }
  }

  private static String run(List<String> cmd, String stdin, Duration limit)
      throws IOException, InterruptedException {
    // Output goes to a file, so a stuck espeak-ng cannot block a reader and the limit holds.
    Path log = Files.createTempFile("omnivibe-espeak-", ".log");
    try {
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // A program that fails at once closes its input (broken pipe); its exit code says why.
      }
      if (!p.waitFor(limit.seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("espeak-ng did not finish within " + limit.seconds + " s");
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new SpeechFailedException(
            "espeak-ng failed (exit " + p.exitValue() + "): " + text.strip());
      }
      return text;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Parses {@code espeak-ng --voices}: a header, then one voice per line. */
  static List<Voice> parseVoices(String listing) {
    List<Voice> out = new ArrayList<>();
    for (String line : listing.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 5 || !f[0].matches("\\d+")) {
        continue; // the header, or a blank line
      }
      String gender = f[2].contains("/") ? f[2].substring(f[2].indexOf('/') + 1) : "";
      out.add(new Voice(f[1], f[3].replace('_', ' '), f[1], "-".equals(gender) ? "" : gender));
    }
    return List.copyOf(out);
  }
}
