package dev.omnivibe.engine.testkit;

import dev.omnivibe.engine.tts.Espeak;
import dev.omnivibe.engine.tts.SpeechEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Voices for tests: espeak-ng where it is installed, a {@link ToneVoice} where it is not, and
 * stand-ins that are missing or fail.
 *
 * <p>CI installs espeak-ng and every test speaks with it; a CI run without it is a broken set-up
 * and fails. The one exception is {@code .ci/run}'s bare-machine pass ({@code OMNIVIBE_TEST_BARE}
 * set), which hides espeak-ng on purpose to prove the rest runs without it.
 */
public final class TestSpeech {
  private TestSpeech() {}

  /** The voice tests speak with: espeak-ng when installed, else the test voice. */
  public static SpeechEngine voice() {
    Espeak e = Espeak.locate(System.getenv());
    if (e.available()) {
      return e;
    }
    requireOnCi();
    return new ToneVoice();
  }

  /** espeak-ng itself, for the tests of its adapter; skipped with the reason where it is absent. */
  public static Espeak espeak() {
    Espeak e = Espeak.locate(System.getenv());
    if (!e.available()) {
      requireOnCi();
      Assumptions.assumeTrue(false, "espeak-ng is not installed (apt-get install espeak-ng)");
    }
    return e;
  }

  private static void requireOnCi() {
    if (System.getenv("CI") != null && System.getenv("OMNIVIBE_TEST_BARE") == null) {
      throw new IllegalStateException("CI must install espeak-ng");
    }
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
