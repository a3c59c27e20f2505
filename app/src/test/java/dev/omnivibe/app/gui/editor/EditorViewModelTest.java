package dev.omnivibe.app.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.GuiFixture;
import dev.omnivibe.engine.deck.TransitionType;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor against the real engine: its checks, its estimate and its queue. */
class EditorViewModelTest {
  GuiFixture fx;
  EditorViewModel vm;
  @TempDir Path tmp;

  @BeforeEach
  void open() {
    fx = GuiFixture.open();
    fx.engine.queue().pauseAll();
    vm = new EditorViewModel(fx.engine, Async.direct());
  }

  @AfterEach
  void close() {
    fx.close();
  }

  void threeSlidesOfOneSecond() {
    vm.addImages(GuiFixture.images());
    vm.slides().forEach(s -> s.durationProperty().set("1"));
    vm.validate();
  }

  @Test
  void anEmptyDeckCannotBeRendered() {
    vm.validate();
    assertThat(vm.validProperty().get()).isFalse();
    assertThat(vm.problems()).singleElement().asString().contains("at least one slide");
  }

  @Test
  void onlyImagesBecomeSlidesAndTheOthersAreNamed() throws Exception {
    Path notes = Files.writeString(tmp.resolve("notes.txt"), "hi");
    List<Path> files = new ArrayList<>(GuiFixture.images());
    files.add(notes);
    vm.addImages(files);
    assertThat(vm.slides()).hasSize(3);
    assertThat(vm.messageProperty().get()).contains("notes.txt");
  }

  @Test
  void aValidDeckGetsAnEstimateFromTheEngine() {
    threeSlidesOfOneSecond();
    assertThat(vm.validProperty().get()).isTrue();
    assertThat(vm.problems()).isEmpty();
    assertThat(vm.estimateProperty().get())
        .contains("3 slides")
        .contains("0:03 of video")
        .contains("renders in about");
  }

  @Test
  void theEnginesMessageLandsOnTheSlideItConcerns() {
    threeSlidesOfOneSecond();
    vm.slides().get(1).durationProperty().set("-4");
    vm.validate();
    assertThat(vm.validProperty().get()).isFalse();
    assertThat(vm.slides().get(1).problemProperty().get()).startsWith("duration:");
    assertThat(vm.slides().get(0).problemProperty().get()).isEmpty();
    assertThat(vm.problems()).anySatisfy(p -> assertThat(p).startsWith("Slide 2 duration:"));

    vm.slides().get(1).durationProperty().set("abc");
    vm.validate();
    assertThat(vm.slides().get(1).problemProperty().get()).contains("duration");
  }

  @Test
  void narrationMakesTheDurationAutomatic() {
    vm.addImages(GuiFixture.images().subList(0, 1));
    Path wav = GuiFixture.deck().getParent().resolve("audio").resolve("01.wav");
    assertThat(vm.setNarration(vm.slides().get(0), wav)).isTrue();
    assertThat(vm.slides().get(0).durationProperty().get()).isEmpty();
    assertThat(vm.validProperty().get()).isTrue();
    assertThat(vm.slides().get(0).resolvedSecondsProperty().get()).isBetween(0.45, 0.6);

    assertThat(vm.setNarration(vm.slides().get(0), tmp.resolve("talk.docx"))).isFalse();
    assertThat(vm.messageProperty().get()).contains("talk.docx");
  }

  @Test
  void saveWritesRelativePathsAndLoadRestoresEverything() throws Exception {
    Path folder = GuiFixture.deck().getParent();
    threeSlidesOfOneSecond();
    vm.slides().get(0).transitionProperty().set(TransitionType.FADE);
    vm.slides().get(0).transitionSecondsProperty().set(0.4);
    vm.resolutionProperty().set(Resolution.of(1280, 720));
    Path file = folder.resolve("saved-" + System.nanoTime() + ".json");
    vm.save(file);

    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.at("/slides/0/image").asText()).isEqualTo("slides/01.png");
    assertThat(json.at("/slides/0/transition/type").asText()).isEqualTo("fade");
    assertThat(json.at("/output/width").asInt()).isEqualTo(1280);

    EditorViewModel other = new EditorViewModel(fx.engine, Async.direct());
    other.load(file);
    assertThat(other.slides()).hasSize(3);
    assertThat(other.slides().get(0).imageProperty().get())
        .isEqualTo(folder.resolve("slides/01.png"));
    assertThat(other.slides().get(0).transitionProperty().get()).isEqualTo(TransitionType.FADE);
    assertThat(other.slides().get(2).durationProperty().get()).isEqualTo("1");
    assertThat(other.resolutionProperty().get().height()).isEqualTo(720);
    assertThat(other.validProperty().get()).isTrue();
    Files.delete(file);
  }

  @Test
  void aMalformedDeckFileLeavesTheCurrentDeckAlone() throws Exception {
    threeSlidesOfOneSecond();
    Path bad = Files.writeString(tmp.resolve("broken.json"), "{\"slides\": [");
    vm.load(bad);
    assertThat(vm.slides()).hasSize(3);
    assertThat(vm.messageProperty().get()).contains("broken.json").contains("malformed JSON");
  }

  @Test
  void submitQueuesTheRenderWithTheChosenPriority() {
    threeSlidesOfOneSecond();
    vm.nameProperty().set("Quarterly update");
    vm.priorityProperty().set(8);
    List<Job> queued = new ArrayList<>();
    vm.onSubmitted(queued::add);
    vm.submit();

    assertThat(queued)
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.name()).isEqualTo("Quarterly update");
              assertThat(j.priority()).isEqualTo(8);
              assertThat(j.state()).isEqualTo(JobState.QUEUED);
            });
    assertThat(vm.messageProperty().get()).isEqualTo("Queued Quarterly update");
  }

  @Test
  void aRefusedSubmissionQueuesNothing() throws Exception {
    threeSlidesOfOneSecond();
    Path copy = Files.copy(GuiFixture.images().get(0), tmp.resolve("gone.png"));
    vm.addImages(List.of(copy));
    vm.slides().get(3).durationProperty().set("2");
    Files.delete(copy);
    vm.submit();
    assertThat(vm.messageProperty().get()).startsWith("Not queued");
    assertThat(vm.slides().get(3).problemProperty().get()).contains("image");
    assertThat(fx.engine.jobs(dev.omnivibe.engine.store.JobQuery.all(10)).jobs()).isEmpty();
  }

  @Test
  void aSpokenDeckOpensChecksAndSavesItsWordsAndBlocksBack() throws Exception {
    Path folder = GuiFixture.deck().getParent();
    Path file = folder.resolve("spoken-" + System.nanoTime() + ".json");
    Files.writeString(
        file,
        """
        {"speech": {"voice": "en-gb", "rate": 160},
         "audio": {"loudness": -18},
         "slides": [
           {"image": "slides/01.png", "narrationText": "Hello there, this is slide one.", "voice": "en-us"},
           {"image": "slides/02.png", "duration": 2}]}
        """);
    vm.load(file);
    assertThat(vm.slides()).hasSize(2);
    assertThat(vm.slides().get(0).narrationTextProperty().get())
        .isEqualTo("Hello there, this is slide one.");
    assertThat(vm.slides().get(0).durationProperty().get()).as("follows the speech").isEmpty();
    assertThat(vm.validProperty().get()).as(String.valueOf(vm.problems())).isTrue();
    assertThat(vm.estimateProperty().get()).contains("2 slides");

    vm.save(file);
    JsonNode saved = new ObjectMapper().readTree(file.toFile());
    assertThat(saved.at("/slides/0/narrationText").asText()).startsWith("Hello there");
    assertThat(saved.at("/slides/0/voice").asText()).isEqualTo("en-us");
    assertThat(saved.at("/slides/0/duration").isMissingNode()).isTrue();
    assertThat(saved.at("/speech/voice").asText()).isEqualTo("en-gb");
    assertThat(saved.at("/audio/loudness").asInt()).isEqualTo(-18);

    vm.slides().get(0).narrationTextProperty().set("");
    vm.validate();
    assertThat(vm.slides().get(0).problemProperty().get()).contains("duration");
    Files.delete(file);
  }
}
