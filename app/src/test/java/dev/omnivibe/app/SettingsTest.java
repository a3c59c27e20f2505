package dev.omnivibe.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void twoWritersKeepEachOthersKeys() {
    Settings form = Settings.load(dir);
    Settings chooser = Settings.load(dir);
    chooser.save(Map.of("encoder", "libx264"));
    form.save(Map.of("api.port", "9000"));

    Settings now = Settings.load(dir);
    assertThat(now.get("encoder")).contains("libx264");
    assertThat(now.get("api.port")).contains("9000");
  }

  @Test
  void anEmptyValueRemovesTheKey() {
    Settings.load(dir).save(Map.of("redis.uri", "redis://x:1")).save(Map.of("redis.uri", ""));
    assertThat(Settings.load(dir).get("redis.uri")).isEmpty();
  }

  @Test
  void aBadNumberNamesTheKeyAndTheFile() throws Exception {
    Files.writeString(dir.resolve("omnivibe.properties"), "api.port=eighty\n");
    assertThatThrownBy(() -> Settings.load(dir).integer("api.port"))
        .hasMessageContaining("api.port")
        .hasMessageContaining("omnivibe.properties")
        .hasMessageContaining("eighty");
  }
}
