package dev.omnivibe.engine.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnivibe.engine.sample.SampleDeckWriter;
import dev.omnivibe.engine.testkit.TestDecks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeckResolverTest {
  @TempDir Path dir;

  @Test
  void durationFollowsNarrationPlusPadding() throws Exception {
    Path deckFile =
        SampleDeckWriter.write(
            dir, new SampleDeckWriter.Spec(2, 64, 36, null, 1.25, null, 0, 64, 36, 30));
    Files.writeString(
        deckFile,
        Files.readString(deckFile)
            .replace("\"audio/02.wav\"", "\"audio/02.wav\", \"padding\": 0.5"));
    ResolvedDeck deck = TestDecks.resolve(deckFile);
    // 1.25 s at 22.05 kHz is a whole number of samples away from exact: within one sample
    assertThat(deck.slides().get(0).duration())
        .isCloseTo(1.25, org.assertj.core.data.Offset.offset(1 / 22_050.0));
    assertThat(deck.slides().get(1).duration())
        .isCloseTo(1.75, org.assertj.core.data.Offset.offset(1 / 22_050.0));
    assertThat(deck.audioChannels()).isEqualTo(1);
  }

  @Test
  void missingAndCorruptFilesAreNamedBySlide() throws Exception {
    Path deckFile =
        SampleDeckWriter.write(
            dir, new SampleDeckWriter.Spec(3, 64, 36, 2.0, 1.0, null, 0, 64, 36, 30));
    Files.delete(dir.resolve("slides/02.png"));
    byte[] png = Files.readAllBytes(dir.resolve("slides/03.png"));
    Files.write(dir.resolve("slides/03.png"), java.util.Arrays.copyOf(png, png.length - 30));
    Files.writeString(dir.resolve("audio/01.wav"), "not audio");
    assertThatThrownBy(() -> TestDecks.resolve(deckFile))
        .isInstanceOf(InvalidDeckException.class)
        .satisfies(
            e ->
                assertThat(((InvalidDeckException) e).problems())
                    .extracting(Problem::toString)
                    .anySatisfy(
                        m ->
                            assertThat(m)
                                .startsWith("slides[1].image: file not found: ")
                                .endsWith("02.png"))
                    .anySatisfy(m -> assertThat(m).startsWith("slides[2].image: corrupt PNG"))
                    .anySatisfy(m -> assertThat(m).startsWith("slides[0].narration: not a WAV")));
  }

  @Test
  void narrationLongerThanTheSlideIsRefused() throws Exception {
    Path deckFile =
        SampleDeckWriter.write(
            dir, new SampleDeckWriter.Spec(1, 64, 36, 1.0, 2.0, null, 0, 64, 36, 30));
    assertThatThrownBy(() -> TestDecks.resolve(deckFile))
        .hasMessageContaining(
            "slides[0].duration: 1.000 s is shorter than its narration (2.000 s)");
  }

  @Test
  void refusedReferencesCarryTheResolversReason() throws Exception {
    Path deckFile =
        SampleDeckWriter.write(
            dir, new SampleDeckWriter.Spec(1, 64, 36, 1.0, 0, null, 0, 64, 36, 30));
    Deck deck = DeckReader.read(deckFile);
    MediaResolver refuseAll =
        ref -> {
          throw new IllegalArgumentException("local paths are not accepted: " + ref);
        };
    assertThatThrownBy(() -> TestDecks.resolver().resolve(deck, refuseAll))
        .hasMessage("slides[0].image: local paths are not accepted: slides/01.png");
  }
}
