package dev.omnivibe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.audio.Loudness;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.store.JobQuery;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import dev.omnivibe.engine.testkit.TestSpeech;
import dev.omnivibe.engine.tts.SpeechEngine;
import dev.omnivibe.engine.tts.SpeechRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speech on the audio queue, and decks whose slides speak their text, end to end. */
class NarrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path shared;
  static Path deckFile;
  @TempDir Path data;
  Engine engine;

  @BeforeAll
  static void deck() throws Exception {
    deckFile = TestDecks.tiny(shared.resolve("deck"), 2, 1.0, 0.5, null);
  }

  Engine open(SpeechEngine speech) {
    engine =
        Engine.open(
            new EngineConfig(data, TestFfmpeg.real())
                .speech(speech)
                .encoderCache(shared.resolve("encoders.json")));
    return engine;
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  Job finished(Job job) {
    return Await.value(
        "job " + job.id(), () -> engine.job(job.id()).orElseThrow(), j -> j.state().isTerminal());
  }

  /** The tiny deck with slide 2 speaking {@code text} instead of a duration. */
  ObjectNode spokenDeck(String text) throws Exception {
    ObjectNode d = (ObjectNode) JSON.readTree(deckFile.toFile());
    ObjectNode s = (ObjectNode) d.get("slides").get(1);
    s.remove("duration");
    s.remove("narration");
    s.put("narrationText", text);
    s.put("padding", 0.5);
    return d;
  }

  @Test
  void speechBecomesANormalisedWavAssetAndIsNotSpokenTwice() throws Exception {
    open(TestSpeech.voice());
    Job job =
        finished(
            engine.narrate(
                "Greeting",
                new SpeechRequest("Welcome to the quarterly review.", "en-us", 160),
                -16,
                5,
                Job.LOCAL));
    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.type()).isEqualTo(JobType.NARRATION);
    assertThat(job.queue()).isEqualTo(QueueName.AUDIO);
    Path wav = engine.assetsDir().resolve(job.result().sha256());
    assertThat(wav).isRegularFile();
    assertThat(
            Files.readString(
                wav.resolveSibling(wav.getFileName()),
                java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("RIFF");
    assertThat(Loudness.measure(TestFfmpeg.real(), wav, -16).integrated()).isBetween(-17.5, -14.5);
    assertThat(job.result().videoSeconds()).isBetween(1.0, 5.0);

    Job again =
        engine.narrate(
            "Greeting again",
            new SpeechRequest("Welcome to the quarterly review.", "en-us", 160),
            -16,
            5,
            Job.LOCAL);
    assertThat(again.cached()).isTrue();
    assertThat(again.result().sha256()).isEqualTo(job.result().sha256());
  }

  @Test
  void badSpeechIsRefusedFieldByFieldAndNothingIsQueued() throws Exception {
    open(TestSpeech.voice());
    assertThatThrownBy(
            () -> engine.narrate("x", new SpeechRequest("", "klingon", 5), -16, 5, Job.LOCAL))
        .isInstanceOf(InvalidDeckException.class)
        .satisfies(
            e ->
                assertThat(((InvalidDeckException) e).problems())
                    .extracting(Problem::field)
                    .containsExactly("text", "voice", "rate"));
    assertThatThrownBy(
            () ->
                engine.narrate(
                    "x", new SpeechRequest("a".repeat(5001), "en-us", 170), -16, 5, Job.LOCAL))
        .hasMessageContaining("limit is 5000");
    assertThat(engine.jobs(JobQuery.all(10)).jobs()).isEmpty();
  }

  @Test
  void aSlideSpeaksItsTextBeforeTheRenderAndLastsAsLongAsTheSpeech() throws Exception {
    open(TestSpeech.voice());
    engine.queue().pause(QueueName.AUDIO);
    Job render =
        engine.submit(
            RenderRequest.local(
                "Spoken",
                spokenDeck("This slide has no recording. The computer reads it."),
                deckFile.getParent()));
    Job narration =
        engine.jobs(JobQuery.all(10)).jobs().stream()
            .filter(j -> j.type() == JobType.NARRATION)
            .findFirst()
            .orElseThrow();
    assertThat(narration.queue()).isEqualTo(QueueName.AUDIO);

    // The video queue is free, but the render waits for its narration.
    Thread.sleep(700);
    assertThat(engine.job(render.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);

    engine.queue().resume(QueueName.AUDIO);
    Job done = finished(render);
    assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo(JobState.SUCCEEDED);
    Job spoken = engine.job(narration.id()).orElseThrow();
    double speech = spoken.result().videoSeconds();
    double video =
        new Ffprobe(TestFfmpeg.real())
            .probe(Path.of(done.result().output()))
            .path("format")
            .path("duration")
            .asDouble();
    // Slide 1 lasts 1 s; slide 2 its speech plus 0.5 s padding.
    assertThat(video).isBetween(1 + speech + 0.5 - 0.1, 1 + speech + 0.5 + 0.1);
  }

  @Test
  void aFailedNarrationFailsItsRenderWithoutRunningIt() throws Exception {
    open(TestSpeech.failing(shared));
    Job render =
        engine.submit(
            RenderRequest.local("Doomed", spokenDeck("Hello there."), deckFile.getParent()));
    Job failed = finished(render);
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.attempts()).isZero();
    assertThat(failed.error().message())
        .startsWith("narration for slide 2 failed:")
        .contains("voice data is damaged");
  }

  @Test
  void withoutEspeakASpokenDeckIsRefusedWithTheInstallHint() throws Exception {
    open(TestSpeech.missing());
    assertThatThrownBy(
            () -> engine.submit(RenderRequest.local("x", spokenDeck("Hi."), deckFile.getParent())))
        .isInstanceOf(InvalidDeckException.class)
        .hasMessageContaining("slides[1].narrationText")
        .hasMessageContaining("apt-get install espeak-ng");
    assertThat(engine.jobs(JobQuery.all(10)).jobs()).isEmpty();
  }

  @Test
  void textAndAFileOnOneSlideIsRefused() throws Exception {
    open(TestSpeech.voice());
    ObjectNode deck = spokenDeck("Hi.");
    ((ObjectNode) deck.get("slides").get(1)).put("narration", "audio/01.wav");
    assertThatThrownBy(() -> engine.submit(RenderRequest.local("x", deck, deckFile.getParent())))
        .hasMessageContaining("either a narration file or narrationText");
  }
}
