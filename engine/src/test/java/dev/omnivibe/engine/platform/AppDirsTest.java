package dev.omnivibe.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {
  private final Path home = Path.of("/home/ada");

  @Test
  void linuxFollowsXdg() {
    AppDirs d = AppDirs.of(Map.of("XDG_CACHE_HOME", "/fast/cache"), "Linux", home);
    assertThat(d.data()).isEqualTo(Path.of("/home/ada/.local/share/omnivibe"));
    assertThat(d.cache()).isEqualTo(Path.of("/fast/cache/omnivibe"));
    assertThat(d.config()).isEqualTo(Path.of("/home/ada/.config/omnivibe"));
    assertThat(d.state()).isEqualTo(Path.of("/home/ada/.local/state/omnivibe"));
    assertThat(AppDirs.of(Map.of("XDG_STATE_HOME", "/var/st"), "Linux", home).logFile())
        .isEqualTo(Path.of("/var/st/omnivibe/omnivibe-0.log"));
  }

  @Test
  void windowsUsesAppData() {
    AppDirs d =
        AppDirs.of(
            Map.of(
                "APPDATA",
                "C:/Users/ada/AppData/Roaming",
                "LOCALAPPDATA",
                "C:/Users/ada/AppData/Local"),
            "Windows 11",
            home);
    assertThat(d.data()).isEqualTo(Path.of("C:/Users/ada/AppData/Roaming/OmniVibe"));
    assertThat(d.cache()).isEqualTo(Path.of("C:/Users/ada/AppData/Local/OmniVibe/Cache"));
    assertThat(d.state()).isEqualTo(Path.of("C:/Users/ada/AppData/Local/OmniVibe/Logs"));
  }

  @Test
  void macUsesLibrary() {
    AppDirs d = AppDirs.of(Map.of(), "Mac OS X", home);
    assertThat(d.data()).isEqualTo(home.resolve("Library/Application Support/OmniVibe"));
    assertThat(d.cache()).isEqualTo(home.resolve("Library/Caches/OmniVibe"));
    assertThat(d.state()).isEqualTo(home.resolve("Library/Logs/OmniVibe"));
  }

  @Test
  void oneHomeOverridesEverything() {
    AppDirs d =
        AppDirs.of(Map.of("OMNIVIBE_HOME", "/portable", "XDG_CACHE_HOME", "/x"), "Linux", home);
    assertThat(d.cache()).isEqualTo(Path.of("/portable/cache"));
    assertThat(d.encoderCache()).isEqualTo(Path.of("/portable/cache/encoders.json"));
    assertThat(d.state()).isEqualTo(Path.of("/portable/state"));
  }
}
