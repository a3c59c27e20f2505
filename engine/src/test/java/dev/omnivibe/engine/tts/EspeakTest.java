package dev.omnivibe.engine.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import dev.omnivibe.engine.testkit.TestSpeech;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EspeakTest {
  @TempDir Path dir;

  @Test
  void parsesTheVoiceListing() {
    String listing =
        """
        Pty Language       Age/Gender VoiceName          File                 Other Languages
         5  af              --/M      Afrikaans          gmw/af
         2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
         5  de              --/F      German             gmw/de
        """;
    assertThat(Espeak.parseVoices(listing))
        .containsExactly(
            new Voice("af", "Afrikaans", "af", "M"),
            new Voice("en-us", "English (America)", "en-us", "M"),
            new Voice("de", "German", "de", "F"));
  }

  @Test
  void listsTheInstalledVoicesAndSpeaksText() throws Exception {
    Espeak espeak = TestSpeech.espeak();
    List<Voice> voices = espeak.voices();
    assertThat(voices).extracting(Voice::id).contains("en-us");
    // Words that look like options are spoken, not parsed: the text goes in on stdin.
    Path wav =
        espeak.speak(
            new SpeechRequest("--help -v xx Hello from OmniVibe.", "en-us", 170),
            dir.resolve("a.wav"));
    double seconds =
        new AudioInspector(new Ffprobe(TestFfmpeg.real())).inspect(wav).durationSeconds();
    assertThat(seconds).isBetween(1.0, 6.0);
  }

  @Test
  void withoutEspeakTheMessageSaysHowToInstallIt() {
    Espeak none = TestSpeech.missing();
    assertThat(none.available()).isFalse();
    assertThatThrownBy(none::voices)
        .isInstanceOf(SpeechUnavailableException.class)
        .hasMessageContaining("apt-get install espeak-ng");
  }

  @Test
  void aFailingEngineNamesItsOwnError() throws Exception {
    Espeak broken = TestSpeech.failing(dir);
    assertThat(broken.voices()).extracting(Voice::id).containsExactly("en-us");
    assertThatThrownBy(
            () -> broken.speak(new SpeechRequest("hi", "en-us", 170), dir.resolve("b.wav")))
        .hasMessageContaining("voice data is damaged");
  }

  @Test
  void requestsAreCheckedField_byField() {
    List<Voice> voices = List.of(new Voice("en-us", "English", "en-us", "M"));
    assertThat(new SpeechRequest("  ", "xx", 20).problems("", voices))
        .extracting(p -> p.field())
        .containsExactly("text", "voice", "rate");
    assertThat(
            new SpeechRequest("a".repeat(SpeechRequest.MAX_CHARS + 1), null, 170)
                .problems("", voices))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("limit is 5000"));
    assertThat(new SpeechRequest("fine", "EN-US", 170).problems("", voices)).isEmpty();
  }
}
