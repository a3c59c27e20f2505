package dev.omnivibe.engine.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.MutableClock;
import dev.omnivibe.engine.testkit.TestDecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real folder events (inotify on Linux); the settle time runs on a hand-moved clock. */
class WatchFolderTest {
  @TempDir Path watch;
  @TempDir Path elsewhere;
  final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
  final List<String> names = new ArrayList<>();
  final List<JsonNode> decks = new ArrayList<>();
  final List<Path> bases = new ArrayList<>();
  WatchFolder folder;

  WatchFolder open(Intake intake) {
    folder =
        new WatchFolder(new WatchSettings(watch, 7, Duration.ofSeconds(2), 4.0), clock, intake);
    return folder;
  }

  WatchFolder open() {
    return open(
        (name, deck, base, priority) -> {
          assertThat(priority).isEqualTo(7);
          if (!deck.has("slides")) {
            throw new IllegalArgumentException("slides: missing");
          }
          names.add(name);
          decks.add(deck);
          bases.add(base);
          return "job-" + names.size();
        });
  }

  @AfterEach
  void close() {
    if (folder != null) {
      folder.close();
    }
  }

  void seen(int n) {
    Await.until(n + " drop(s) seen", () -> folder.pendingCount() >= n);
  }

  @Test
  void aDeckIsTakenOnlyOnceItHasFinishedBeingWritten() throws Exception {
    open();
    Path deck = watch.resolve("launch.json");
    Files.writeString(deck, "{\"slides\": [{\"image\": \"a.png\",");
    seen(1);
    assertThat(folder.poll()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    Files.writeString(deck, " \"duration\": 3}]}", StandardOpenOption.APPEND);
    assertThat(folder.poll()).as("changed since the last look: not settled").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(folder.poll()).isEmpty();
    clock.advance(Duration.ofSeconds(2));
    assertThat(folder.poll()).containsExactly("job-1");
    assertThat(names).containsExactly("launch");
    assertThat(decks.get(0).at("/slides/0/duration").asInt()).isEqualTo(3);
    assertThat(bases.get(0)).isEqualTo(watch);

    clock.advance(Duration.ofSeconds(5));
    assertThat(folder.poll()).as("taken once").isEmpty();
  }

  @Test
  void aFolderOfImagesBecomesADeckInNameOrder() throws Exception {
    open();
    Path src =
        TestDecks.tiny(elsewhere.resolve("src"), 3, 1.0, 0, null).getParent().resolve("slides");
    Path drop = watch.resolve("team-photos");
    Files.createDirectory(drop);
    for (String n : List.of("03.png", "01.png", "02.png")) {
      Files.copy(src.resolve(n), drop.resolve(n));
    }
    Files.writeString(drop.resolve("notes.txt"), "not a slide");
    seen(1);
    folder.poll();
    clock.advance(Duration.ofSeconds(3));
    assertThat(folder.poll()).hasSize(1);
    assertThat(names).containsExactly("team-photos");
    assertThat(decks.get(0).get("slides").findValuesAsText("image"))
        .containsExactly("01.png", "02.png", "03.png");
    assertThat(decks.get(0).at("/slides/0/duration").asDouble()).isEqualTo(4.0);
    assertThat(bases.get(0)).isEqualTo(drop);
  }

  @Test
  void aBadDropGetsAnErrorFileAndIsTakenAgainOnceFixed() throws Exception {
    open();
    Path deck = watch.resolve("broken.json");
    Files.writeString(deck, "{\"pages\": []}");
    seen(1);
    folder.poll();
    clock.advance(Duration.ofSeconds(3));
    assertThat(folder.poll()).isEmpty();
    Path error = watch.resolve("broken.json.error.txt");
    assertThat(Files.readString(error, StandardCharsets.UTF_8))
        .contains("could not queue broken.json")
        .contains("slides: missing");

    clock.advance(Duration.ofSeconds(1));
    Files.writeString(deck, "{\"slides\": [{\"image\": \"a.png\", \"duration\": 2}]}");
    seen(1);
    folder.poll();
    clock.advance(Duration.ofSeconds(3));
    assertThat(folder.poll()).containsExactly("job-1");
    assertThat(error).doesNotExist();
  }

  @Test
  void dropsMadeWhileClosedAreTakenAtStartButNotTwiceAcrossRestarts() throws Exception {
    Files.writeString(
        watch.resolve("overnight.json"), "{\"slides\": [{\"image\": \"a.png\", \"duration\": 1}]}");
    open();
    folder.poll();
    clock.advance(Duration.ofSeconds(3));
    assertThat(folder.poll()).containsExactly("job-1");
    folder.close();

    open();
    folder.poll();
    clock.advance(Duration.ofSeconds(3));
    assertThat(folder.poll()).isEmpty();
    assertThat(names).containsExactly("overnight");
  }

  @Test
  void aMissingOrWrongFolderIsNamed() throws Exception {
    Path file = Files.writeString(elsewhere.resolve("file.txt"), "x");
    assertThatThrownBy(
            () ->
                new WatchFolder(
                    new WatchSettings(elsewhere.resolve("nope"), 5, Duration.ofSeconds(2), 5),
                    clock,
                    (a, b, c, d) -> "x"))
        .hasMessageContaining("nope does not exist");
    assertThatThrownBy(
            () ->
                new WatchFolder(
                    new WatchSettings(file, 5, Duration.ofSeconds(2), 5),
                    clock,
                    (a, b, c, d) -> "x"))
        .hasMessageContaining("is not a folder");
  }

  @Test
  void aFolderWhereNothingCanBeRecordedIsRefusedAtStart() throws Exception {
    // Root may write anywhere; a directory where the ledger file must go fails for everyone.
    Path ro = Files.createDirectory(elsewhere.resolve("ro"));
    Files.createDirectory(ro.resolve(Ledger.FILE));
    assertThatThrownBy(
            () ->
                new WatchFolder(
                    new WatchSettings(ro, 5, Duration.ofSeconds(2), 5), clock, (a, b, c, d) -> "x"))
        .hasMessageContaining("the watch folder " + ro + " is not writable");
  }
}
