package dev.omnivibe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code --version} prints the version the build was made from, not a placeholder. */
class VersionTest {
  @Test
  void versionComesFromTheBuild() {
    String expected = System.getProperty("omnivibe.expectedVersion");
    assertThat(expected).as("set by the build from the POM").isNotBlank();
    StringWriter out = new StringWriter();
    int code = Launcher.commandLine().setOut(new PrintWriter(out, true)).execute("--version");
    assertThat(code).isZero();
    assertThat(out.toString())
        .startsWith("OmniVibe Workstation " + expected + "\n")
        .contains("built 20")
        .doesNotContain("development")
        .doesNotContain("${");
    assertThat(Version.number()).isEqualTo(expected);
  }
}
