package dev.omnivibe.engine.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissingLibrariesTest {
  /** ldd on the bundled ffmpeg of a bare Debian 12 server (one library was there, three not). */
  static final String LDD =
      """
      \tlinux-vdso.so.1 (0x00007ffd5d5f2000)
      \tlibavdevice.so.62 => /cache/javacpp/ffmpeg/libavdevice.so.62 (0x00007f8b7a000000)
      \tlibxcb.so.1 => not found
      \tlibxcb-shm.so.0 => /lib/x86_64-linux-gnu/libxcb-shm.so.0 (0x00007f8b79ff0000)
      \tlibasound.so.2 => not found
      \tlibpulse.so.0 => not found
      \tlibasound.so.2 => not found
      \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f8b79e00000)
      """;

  @Test
  void lddNamesEveryMissingLibraryOnce() {
    assertThat(MissingLibraries.parse(LDD))
        .containsExactly("libxcb.so.1", "libasound.so.2", "libpulse.so.0");
  }

  @Test
  void theAdviceGivesTheInstallLineForEachFamily() {
    String advice =
        MissingLibraries.advice(
            new LinkedHashSet<>(List.of("libxcb.so.1", "libasound.so.2", "libpulse.so.0")));
    assertThat(advice)
        .startsWith("missing system libraries libxcb.so.1, libasound.so.2, libpulse.so.0.")
        .contains("Debian/Ubuntu `sudo apt-get install libxcb1 libasound2 libpulse0`")
        .contains("libasound2t64 on Ubuntu 24.04")
        .contains("Fedora `sudo dnf install libxcb alsa-lib pulseaudio-libs`");
    assertThat(MissingLibraries.advice(new LinkedHashSet<>(List.of("libodd.so.3"))))
        .contains("libodd.so.3")
        .contains("apt-file search");
  }

  @Test
  void aFailureThatIsNotAMissingLibraryGetsNoAdvice() {
    assertThat(MissingLibraries.explain(Path.of("/bin/true"), Map.of(), "Segmentation fault"))
        .isEmpty();
    // ldd finds nothing missing in a working binary: the loader's own line still names it.
    assertThat(
            MissingLibraries.explain(
                Path.of("/bin/true"),
                Map.of(),
                "ffmpeg: error while loading shared libraries: libpulse.so.0: cannot open shared"
                    + " object file: No such file or directory"))
        .contains("missing system library libpulse.so.0. Install it:")
        .contains("libpulse0")
        .contains("pulseaudio-libs");
  }
}
