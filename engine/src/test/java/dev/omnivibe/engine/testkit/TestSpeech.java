package dev.omnivibe.engine.testkit;

import dev.omnivibe.engine.tts.Espeak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real espeak-ng (CI installs it; elsewhere the speech tests are skipped with a reason) and a
 * stand-in that lists voices but fails to speak, for failure paths.
 */
public final class TestSpeech {
  private TestSpeech() {}

  public static Espeak real() {
    Espeak e = Espeak.locate(System.getenv());
    if (!e.available()) {
      // On CI a missing espeak-ng is a broken setup, not a reason to skip.
      Assumptions.assumeTrue(
          System.getenv("CI") != null, "espeak-ng is not installed (apt-get install espeak-ng)");
      throw new IllegalStateException("CI must install espeak-ng");
    }
    return e;
  }

  /** No espeak-ng anywhere. */
  public static Espeak missing() {
    return Espeak.locate(Map.of("PATH", ""));
  }

  /** Lists one voice, {@code en-us}, and fails every time it is asked to speak. */
  public static Espeak failing(Path dir) throws IOException {
    Path script = dir.resolve("espeak-ng");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "if [ \"$1\" = \"--voices\" ]; then\n"
            + "  echo 'Pty Language       Age/Gender VoiceName          File                 Other Languages'\n"
            + "  echo ' 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)'\n"
            + "  exit 0\n"
            + "fi\n"
            + "echo 'Error: voice data is damaged' >&2\n"
            + "exit 1\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Espeak.locate(Map.of("OMNIVIBE_ESPEAK", script.toString()));
  }
}
