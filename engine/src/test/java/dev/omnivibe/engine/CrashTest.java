package dev.omnivibe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.adapters.sqlite.SqliteStore;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM runs the engine and is killed with SIGKILL in the middle of a real render; a second
 * engine on the same store must finish every job once, with valid outputs and no leftovers.
 */
class CrashTest {
  @TempDir Path dir;

  @Test
  void aKilledEngineLosesNothingAndRendersNothingTwice() throws Exception {
    Path data = dir.resolve("data");
    Path encoders = dir.resolve("encoders.json");
    Path big =
        SampleDeckWriter.write(
            dir.resolve("big"),
            new SampleDeckWriter.Spec(24, 1280, 720, 2.0, 1.0, "wipeleft", 1.0, 1280, 720, 30));
    Path two = TestDecks.tiny(dir.resolve("two"), 2, 1.0, 0.5, null);
    Path three = TestDecks.tiny(dir.resolve("three"), 3, 1.0, 0.5, "fade");

    Process first =
        new ProcessBuilder(CrashNode.command("submit", data, encoders, List.of(big, two, three)))
            .redirectErrorStream(true)
            .start();
    List<String> ids = new ArrayList<>();
    List<String> log = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        log.add(line);
        if (line.startsWith("SUBMITTED ")) {
          ids.add(line.substring(10));
        }
        // Kill once the big render has real work under way.
        if (ids.size() == 3
            && line.startsWith("PROGRESS " + ids.get(0))
            && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) > 0) {
          List<ProcessHandle> children = first.descendants().toList();
          first.destroyForcibly(); // SIGKILL on Linux and macOS
          first.waitFor(30, TimeUnit.SECONDS);
          // Orphaned FFmpegs would finish on their own; stop them so the test leaves no strays.
          children.forEach(ProcessHandle::destroyForcibly);
          break;
        }
      }
    }
    assertThat(first.isAlive()).as("child killed; log: %s", log).isFalse();
    assertThat(ids).as("log: %s", log).hasSize(3);
    try (SqliteStore store = SqliteStore.open(data.resolve("omnivibe.db"))) {
      Job a = store.job(ids.get(0)).orElseThrow();
      assertThat(a.state()).isEqualTo(JobState.RUNNING);
      assertThat(a.attempts()).isEqualTo(1);
      assertThat(store.job(ids.get(1)).orElseThrow().state()).isEqualTo(JobState.QUEUED);
      assertThat(store.job(ids.get(2)).orElseThrow().state()).isEqualTo(JobState.QUEUED);
    }

    Process second =
        new ProcessBuilder(CrashNode.command("resume", data, encoders, List.of()))
            .redirectErrorStream(true)
            .start();
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(output).isZero();
    assertThat(output).contains("RECOVERED 1").contains("DONE");

    try (SqliteStore store = SqliteStore.open(data.resolve("omnivibe.db"))) {
      Job a = store.job(ids.get(0)).orElseThrow();
      assertThat(a.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(a.attempts()).isEqualTo(2);
      for (String id : ids) {
        Job j = store.job(id).orElseThrow();
        assertThat(j.state()).as(id).isEqualTo(JobState.SUCCEEDED);
        Path out = Path.of(j.result().output());
        assertThat(ContentHasher.fresh(out)).isEqualTo(j.result().sha256());
      }
      double seconds =
          new Ffprobe(TestFfmpeg.real())
              .probe(Path.of(a.result().output()))
              .path("format")
              .path("duration")
              .asDouble();
      assertThat(seconds).isEqualTo(48.0, org.assertj.core.data.Offset.offset(0.05));
    }
    try (Stream<Path> outputs = Files.list(data.resolve("outputs"))) {
      List<String> names = outputs.map(p -> p.getFileName().toString()).toList();
      assertThat(names).hasSize(3).allMatch(n -> n.endsWith(".mp4"));
    }
  }
}
