package dev.omnivibe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.audio.Loudness;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.TestAudio;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deck's "audio" block end to end: narration loudness, and music ducked under narration. */
class AudioFinishTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path shared;
  static Path deckFile;
  static Path music;
  static FfmpegTools tools;
  @TempDir Path data;
  Engine engine;

  @BeforeAll
  static void inputs() throws Exception {
    tools = TestFfmpeg.real();
    // Slide 1 narrated for 1 s, slide 2 silent: 1 s + 2 s of video.
    deckFile = TestDecks.tiny(shared.resolve("deck"), 2, 2.0, 1.0, null);
    music = shared.resolve("music.wav");
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=4000:duration=1.5:sample_rate=48000",
        "-af",
        "volume=0.5",
        music.toString());
  }

  static String ffmpeg(String... args) throws Exception {
    return TestFfmpeg.run(args);
  }

  /**
   * Mean volume (dBFS) of the music alone between two times: a narrow band around its 4 kHz tone,
   * far above the narration's 220 and 330 Hz.
   */
  static double meanVolume(Path video, double from, double to) throws Exception {
    return TestAudio.meanVolume(video, from, to, "bandpass=f=4000:width_type=q:w=8,".repeat(3));
  }

  @BeforeEach
  void open() {
    engine =
        Engine.open(new EngineConfig(data, tools).encoderCache(shared.resolve("encoders.json")));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  ObjectNode deck(String audio) throws Exception {
    ObjectNode d = (ObjectNode) JSON.readTree(deckFile.toFile());
    ObjectNode s0 = (ObjectNode) d.get("slides").get(0);
    s0.remove("duration"); // follows its narration: 1 s
    ObjectNode s1 = (ObjectNode) d.get("slides").get(1);
    s1.remove("narration");
    if (audio != null) {
      d.set("audio", JSON.readTree(audio));
    }
    return d;
  }

  Path render(String name, ObjectNode deck) throws Exception {
    Job job = engine.submit(RenderRequest.local(name, deck, deckFile.getParent()));
    Job done =
        Await.value(name, () -> engine.job(job.id()).orElseThrow(), j -> j.state().isTerminal());
    assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo(JobState.SUCCEEDED);
    return Path.of(done.result().output());
  }

  @Test
  void narrationIsBroughtToTheRequestedLoudness() throws Exception {
    Path narration = deckFile.getParent().resolve("audio/01.wav");
    double original = Loudness.measure(tools, narration, -16).integrated();
    assertThat(Math.abs(original - -20))
        .as("the sample narration starts elsewhere")
        .isGreaterThan(3);
    Path out = render("Levelled", deck("{\"loudness\": -20}"));
    assertThat(Loudness.measure(tools, out, -20).integrated()).isBetween(-22.0, -18.0);
  }

  @Test
  void musicPlaysUnderTheWholeVideoAndDucksUnderNarration() throws Exception {
    String bed = "{\"music\": \"" + music + "\", \"musicVolume\": 0.5, \"loudness\": null";
    Path ducked = render("Ducked", deck(bed + ", \"duck\": true}"));
    Path flat = render("Flat", deck(bed + ", \"duck\": false}"));

    var probe = new Ffprobe(tools).probe(ducked);
    assertThat(probe.path("format").path("duration").asDouble()).isBetween(2.95, 3.1);
    assertThat(probe.path("streams").findValuesAsText("codec_type")).contains("video", "audio");
    assertThat(probe.path("streams").findValues("channels").get(0).asInt()).isEqualTo(2);
    // Music alone (slide 2) sounds the same in both; under the narration (slide 1) it is pulled
    // down.
    assertThat(meanVolume(ducked, 1.5, 2.5))
        .isCloseTo(meanVolume(flat, 1.5, 2.5), org.assertj.core.data.Offset.offset(1.5));
    assertThat(meanVolume(ducked, 0.3, 0.8)).isLessThan(meanVolume(flat, 0.3, 0.8) - 6.0);
  }

  @Test
  void aBadAudioBlockIsRefusedByField() throws Exception {
    assertThatThrownBy(
            () ->
                engine.submit(
                    RenderRequest.local(
                        "x",
                        deck("{\"loudness\": 3, \"musicVolume\": 7, \"echo\": 1}"),
                        deckFile.getParent())))
        .isInstanceOf(InvalidDeckException.class)
        .satisfies(
            e ->
                assertThat(((InvalidDeckException) e).problems())
                    .extracting(Problem::field)
                    .containsExactlyInAnyOrder(
                        "audio.echo", "audio.loudness", "audio.musicVolume"));
    assertThatThrownBy(
            () ->
                engine.submit(
                    RenderRequest.local(
                        "x", deck("{\"music\": \"no-such.mp3\"}"), deckFile.getParent())))
        .hasMessageContaining("audio.music");
  }
}
