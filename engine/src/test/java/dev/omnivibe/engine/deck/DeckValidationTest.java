package dev.omnivibe.engine.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every structural and value rule, with the field the message must name. */
class DeckValidationTest {
  private static final String OK_SLIDE = "{\"image\": \"a.png\", \"duration\": 5}";

  static Stream<Arguments> badDecks() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"slides\": [", "deck.json", "malformed JSON at line"),
        Arguments.of("not an object", "[1, 2]", "deck", "must be a JSON object"),
        Arguments.of("no slides", "{}", "slides", "missing"),
        Arguments.of("empty deck", "{\"slides\": []}", "slides", "empty"),
        Arguments.of("slides not array", "{\"slides\": 3}", "slides", "must be an array"),
        Arguments.of(
            "unknown top field",
            "{\"slides\": [" + OK_SLIDE + "], \"colour\": 1}",
            "colour",
            "unknown field"),
        Arguments.of(
            "unknown slide field",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 5, \"zoom\": 2}]}",
            "slides[0].zoom",
            "unknown field"),
        Arguments.of(
            "missing image", "{\"slides\": [{\"duration\": 5}]}", "slides[0].image", "missing"),
        Arguments.of(
            "zero duration",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 0}]}",
            "slides[0].duration",
            "more than zero"),
        Arguments.of(
            "negative duration",
            "{\"slides\": [" + OK_SLIDE + ", {\"image\": \"b.png\", \"duration\": -2}]}",
            "slides[1].duration",
            "more than zero"),
        Arguments.of(
            "NaN duration",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": \"NaN\"}]}",
            "slides[0].duration",
            "finite"),
        Arguments.of(
            "absurd duration",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 1e9}]}",
            "slides[0].duration",
            "limit"),
        Arguments.of(
            "text duration",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": \"five\"}]}",
            "slides[0].duration",
            "must be a number"),
        Arguments.of(
            "no duration, no narration",
            "{\"slides\": [{\"image\": \"a.png\"}]}",
            "slides[0].duration",
            "give a duration or a narration"),
        Arguments.of(
            "transition longer than slide",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 1, \"transition\": {\"type\": \"fade\", \"duration\": 2}}]}",
            "slides[0].transition.duration",
            "longer than the slide"),
        Arguments.of(
            "unknown transition",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 3, \"transition\": {\"type\": \"spin\"}}]}",
            "slides[0].transition.type",
            "unknown transition 'spin'"),
        Arguments.of(
            "unknown transition field",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 3, \"transition\": {\"type\": \"fade\", \"ease\": 1}}]}",
            "slides[0].transition.ease",
            "unknown field"),
        Arguments.of(
            "odd width",
            "{\"slides\": [" + OK_SLIDE + "], \"output\": {\"width\": 1921}}",
            "output.width",
            "odd"),
        Arguments.of(
            "too tall",
            "{\"slides\": [" + OK_SLIDE + "], \"output\": {\"height\": 4322}}",
            "output.height",
            "outside"),
        Arguments.of(
            "8K+ width",
            "{\"slides\": [" + OK_SLIDE + "], \"output\": {\"width\": 7682}}",
            "output.width",
            "outside"),
        Arguments.of(
            "fractional width",
            "{\"slides\": [" + OK_SLIDE + "], \"output\": {\"width\": 640.5}}",
            "output.width",
            "whole number"),
        Arguments.of(
            "bad fps",
            "{\"slides\": [" + OK_SLIDE + "], \"output\": {\"fps\": 29.5}}",
            "output.fps",
            "unsupported frame rate"),
        Arguments.of(
            "bad quality",
            "{\"slides\": [" + OK_SLIDE + "], \"output\": {\"quality\": \"ultra\"}}",
            "output.quality",
            "unknown quality"),
        Arguments.of(
            "padding with duration",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 3, \"padding\": 1}]}",
            "slides[0].padding",
            "only applies"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDecks")
  void rejectsWithTheFieldNamed(String name, String json, String field, String message) {
    assertThatThrownBy(() -> check(json))
        .isInstanceOf(InvalidDeckException.class)
        .satisfies(
            e ->
                assertThat(((InvalidDeckException) e).problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.field()).isEqualTo(field);
                          assertThat(p.message()).contains(message);
                        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodDecks")
  void accepts(String name, String json) throws Exception {
    assertThat(check(json)).isEmpty();
  }

  static Stream<Arguments> goodDecks() {
    return Stream.of(
        Arguments.of("minimal", "{\"slides\": [" + OK_SLIDE + "]}"),
        Arguments.of(
            "narration only",
            "{\"slides\": [{\"image\": \"a.png\", \"narration\": \"a.wav\", \"padding\": 0.5}]}"),
        Arguments.of(
            "transition equal to slide",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 1, \"transition\": {\"type\": \"wipeleft\", \"duration\": 1}}]}"),
        Arguments.of(
            "transition as a string",
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 1, \"transition\": \"dissolve\"}]}"),
        Arguments.of("NTSC rate", "{\"slides\": [" + OK_SLIDE + "], \"output\": {\"fps\": 29.97}}"),
        Arguments.of(
            "fraction rate",
            "{\"slides\": [" + OK_SLIDE + "], \"output\": {\"fps\": \"24000/1001\"}}"));
  }

  @org.junit.jupiter.api.Test
  void moreThanTenThousandSlidesIsOneClearProblem() throws Exception {
    String slides = String.join(",", java.util.Collections.nCopies(10_001, OK_SLIDE));
    assertThatThrownBy(() -> check("{\"slides\": [" + slides + "]}"))
        .isInstanceOf(InvalidDeckException.class)
        .hasMessage("slides: 10001 slides is more than the limit of 10000");
  }

  @org.junit.jupiter.api.Test
  void reportsEveryProblemAtOnce() {
    String json =
        "{\"slides\": [{\"image\": \"a.png\", \"duration\": -1}, {\"duration\": 2}], \"output\": {\"width\": 3}}";
    assertThatThrownBy(() -> check(json))
        .isInstanceOf(InvalidDeckException.class)
        .satisfies(
            e ->
                assertThat(((InvalidDeckException) e).problems())
                    .extracting(Problem::field)
                    .contains("slides[0].duration", "slides[1].image", "output.width"));
  }

  @org.junit.jupiter.api.Test
  void defaultsAndParsedValues() throws Exception {
    Deck deck =
        DeckReader.parse(
            "{\"slides\": [{\"image\": \"a.png\", \"duration\": 2, \"transition\": {\"type\": \"fade\"}}], \"output\": {\"fps\": 29.97, \"quality\": \"high\"}}"
                .getBytes(StandardCharsets.UTF_8),
            "deck.json",
            Path.of("/decks"));
    assertThat(deck.slides().get(0).transition())
        .isEqualTo(new Transition(TransitionType.FADE, 0.5));
    assertThat(deck.output())
        .isEqualTo(new OutputSettings(1920, 1080, new FrameRate(30000, 1001), Quality.HIGH));
    assertThat(new Problem("slides[3].image", "x").pointer()).isEqualTo("/slides/3/image");
  }

  private static List<Problem> check(String json) throws InvalidDeckException {
    Deck deck =
        DeckReader.parse(json.getBytes(StandardCharsets.UTF_8), "deck.json", Path.of("/decks"));
    List<Problem> problems = DeckRules.check(deck);
    if (!problems.isEmpty()) {
      throw new InvalidDeckException(problems);
    }
    return problems;
  }
}
