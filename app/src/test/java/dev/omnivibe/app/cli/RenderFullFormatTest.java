package dev.omnivibe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.app.Launcher;
import dev.omnivibe.engine.deck.SpeechSettings;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.testkit.TestAudio;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import dev.omnivibe.engine.tts.Espeak;
import dev.omnivibe.engine.tts.SpeechRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code omnivibe render} takes the whole deck format, as the app and the API do: spoken slides are
 * voiced in-process by espeak-ng, and the audio block's music plays under the video. Each render is
 * checked with ffprobe and FFmpeg's volumedetect: an audible track and the right duration.
 */
class RenderFullFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORDS = "This deck was spoken by the command line.";
  @TempDir static Path home;
  @TempDir Path dir;

  @BeforeAll
  static void isolateUserFolders() {
    System.setProperty("omnivibe.home", home.toString());
  }

  private static int render(Path deck, Path out, StringWriter log) {
    CommandLine cli = Launcher.commandLine();
    cli.setOut(new PrintWriter(log, true));
    cli.setErr(new PrintWriter(log, true));
    return cli.execute("render", deck.toString(), "-o", out.toString(), "--json-progress");
  }

  private static double seconds(Path media) throws Exception {
    return new Ffprobe(TestFfmpeg.real()).probe(media).path("format").path("duration").asDouble();
  }

  private static boolean hasAudio(Path media) throws Exception {
    for (JsonNode s : new Ffprobe(TestFfmpeg.real()).probe(media).path("streams")) {
      if (s.path("codec_type").asText().equals("audio")) {
        return true;
      }
    }
    return false;
  }

  private static double meanVolume(Path video, double from, double to) throws Exception {
    return TestAudio.meanVolume(video, from, to, "");
  }

  @Test
  void aSpokenSlideIsVoicedHereAndLastsAsLongAsItsWords() throws Exception {
    Path deckFile = TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0, null);
    ObjectNode deck = (ObjectNode) JSON.readTree(deckFile.toFile());
    ObjectNode first = (ObjectNode) deck.get("slides").get(0);
    first.remove("duration");
    first.put("narrationText", WORDS);
    JSON.writeValue(deckFile.toFile(), deck);
    Path out = dir.resolve("spoken.mp4");
    StringWriter log = new StringWriter();

    assertThat(render(deckFile, out, log)).as(log.toString()).isZero();

    // The same words spoken by the same engine: how long the first slide must last.
    Path alone =
        Espeak.locate(System.getenv())
            .speak(
                new SpeechRequest(WORDS, SpeechSettings.DEFAULT_VOICE, SpeechSettings.DEFAULT_RATE),
                dir.resolve("alone.wav"));
    double words = seconds(alone);
    assertThat(words).isGreaterThan(1.0);
    assertThat(log.toString()).contains("speak slide 1");
    assertThat(hasAudio(out)).isTrue();
    assertThat(seconds(out)).isCloseTo(words + 1.0, org.assertj.core.data.Offset.offset(0.25));
    assertThat(meanVolume(out, 0.2, words - 0.2)).as("speech is audible").isGreaterThan(-35.0);
  }

  @Test
  void theAudioBlocksMusicPlaysUnderTheWholeVideo() throws Exception {
    // 3 s of slides under 1.5 s of music: it loops, and fades out over the last 0.75 s.
    Path deckFile = TestDecks.tiny(dir.resolve("deck"), 3, 1.0, 0, null);
    Path music = deckFile.getParent().resolve("music.wav");
    TestFfmpeg.run(
        "-f", "lavfi", "-i", "sine=frequency=440:duration=1.5:sample_rate=48000", music.toString());
    ObjectNode deck = (ObjectNode) JSON.readTree(deckFile.toFile());
    deck.set("audio", JSON.readTree("{\"music\": \"music.wav\", \"musicVolume\": 0.5}"));
    JSON.writeValue(deckFile.toFile(), deck);
    Path out = dir.resolve("music.mp4");
    StringWriter log = new StringWriter();

    assertThat(render(deckFile, out, log)).as(log.toString()).isZero();

    assertThat(hasAudio(out)).isTrue();
    java.nio.file.Files.copy(
        out, Path.of("/tmp/dbgmusic.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(seconds(out)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.15));
    // A 440 Hz sine at half volume measures about -30 dB; silence measures -91 dB.
    assertThat(meanVolume(out, 1.0, 1.4)).as("music at the start").isGreaterThan(-40.0);
    assertThat(meanVolume(out, 1.6, 2.2)).as("music past its own length").isGreaterThan(-40.0);
  }
}
