package dev.omnivibe.api.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
  @TempDir Path dir;

  @Test
  void theShippedMixedScenarioReads() throws Exception {
    Path file =
        Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
            .resolve("bench/scenarios/mixed.json");
    if (!Files.exists(file)) {
      file = Path.of("..", "bench", "scenarios", "mixed.json");
    }
    Scenario s = Scenario.read(file);
    assertThat(s.steps()).extracting(Step::name).contains("submit", "watch job (SSE)");
    assertThat(s.steps())
        .filteredOn(Step::sse)
        .singleElement()
        .satisfies(st -> assertThat(st.path()).contains("{job}"));
    assertThat(s.uploads().values()).allSatisfy(p -> assertThat(p).exists());
  }

  @Test
  void stepsArePickedByWeight() throws Exception {
    Path file = dir.resolve("s.json");
    Files.writeString(
        file,
        """
        {"requests": [{"name": "a", "path": "/a", "weight": 9}, {"name": "b", "path": "/b", "weight": 1}]}
        """);
    Scenario s = Scenario.read(file);
    Map<String, Integer> seen = new HashMap<>();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      seen.merge(s.pick(random).name(), 1, Integer::sum);
    }
    assertThat(seen.get("a")).isBetween(8700, 9300);
    assertThat(seen.get("b")).isBetween(700, 1300);
  }

  @Test
  void aBadScenarioIsNamed() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"requests\": {}}");
    assertThatThrownBy(() -> Scenario.read(file))
        .hasMessageContaining("\"requests\" must be a list");
    Files.writeString(file, "{\"requests\": [{\"path\": \"nope\"}]}");
    assertThatThrownBy(() -> Scenario.read(file)).hasMessageContaining("path must start with /");
  }
}
