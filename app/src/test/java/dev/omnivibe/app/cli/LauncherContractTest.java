package dev.omnivibe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.app.Launcher;
import dev.omnivibe.engine.testkit.TestDecks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line contract scripts rely on: exit codes 0/1/2, messages and JSON lines. */
class LauncherContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path home;
  @TempDir Path dir;

  @BeforeAll
  static void isolateUserFolders() {
    System.setProperty("omnivibe.home", home.toString());
  }

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Launcher.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void rendersWithJsonProgressAndExitsZero() throws Exception {
    Path deck = TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0.5, "fade");
    Path out = dir.resolve("out.mp4");
    Run r = run("render", deck.toString(), "-o", out.toString(), "--json-progress");
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> events = r.out().lines().map(LauncherContractTest::parse).toList();
    assertThat(events).isNotEmpty();
    assertThat(events.subList(0, events.size() - 1))
        .allSatisfy(
            e -> {
              assertThat(e.path("event").asText()).isEqualTo("progress");
              assertThat(e.has("percent") && e.has("speed") && e.has("etaSeconds")).isTrue();
            });
    JsonNode done = events.get(events.size() - 1);
    assertThat(done.path("event").asText()).isEqualTo("done");
    assertThat(done.path("encoder").asText()).isEqualTo("libx264");
    assertThat(done.path("frames").asInt()).isEqualTo(60);
    assertThat(out).isRegularFile();
  }

  @Test
  void terminalBarOnStderrAndSummary() throws Exception {
    Path deck = TestDecks.tiny(dir.resolve("deck"), 1, 0.5, 0, null);
    Run r =
        run(
            "render",
            deck.toString(),
            "-o",
            dir.resolve("bar.mp4").toString(),
            "--encoder",
            "libx264");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("100.0%").contains("Rendered ").contains("libx264");
  }

  @Test
  void badInputExitsTwoAndNamesTheField() throws Exception {
    Path deck = TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0, null);
    Files.writeString(
        deck, Files.readString(deck).replace("\"duration\": 1.0", "\"duration\": -1"));
    Path out = dir.resolve("never.mp4");
    Run r = run("render", deck.toString(), "-o", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error: slides[0].duration: must be more than zero, got -1.0");
    assertThat(out).doesNotExist();

    Files.delete(dir.resolve("deck/slides/02.png"));
    Files.writeString(deck, Files.readString(deck).replace("-1", "1.0"));
    Run missing = run("render", deck.toString(), "-o", out.toString(), "--json-progress");
    assertThat(missing.code()).isEqualTo(2);
    JsonNode invalid = parse(missing.out().strip());
    assertThat(invalid.path("event").asText()).isEqualTo("invalid");
    assertThat(invalid.path("errors").get(0).path("field").asText()).isEqualTo("slides[1].image");
    assertThat(invalid.path("errors").get(0).path("pointer").asText()).isEqualTo("/slides/1/image");
  }

  @Test
  void missingDeckUnknownEncoderAndMissingOptionAreBadInput() throws Exception {
    assertThat(run("render", dir.resolve("nope.json").toString(), "-o", "x.mp4").err())
        .contains("nope.json: file not found");
    assertThat(run("render", dir.resolve("nope.json").toString(), "-o", "x.mp4").code())
        .isEqualTo(2);
    Path deck = TestDecks.tiny(dir.resolve("deck"), 1, 0.5, 0, null);
    Run enc =
        run(
            "render",
            deck.toString(),
            "-o",
            dir.resolve("e.mp4").toString(),
            "--encoder",
            "h265_magic");
    assertThat(enc.code()).isEqualTo(2);
    assertThat(enc.err()).contains("--encoder: unknown encoder 'h265_magic'");
    assertThat(run("render", deck.toString()).code()).isEqualTo(2);
  }

  @Test
  void aBrokenFfmpegIsAFailureNotBadInput() throws Exception {
    Path deck = TestDecks.tiny(dir.resolve("deck"), 1, 0.5, 0, null);
    Run r =
        run(
            "render",
            deck.toString(),
            "-o",
            dir.resolve("f.mp4").toString(),
            "--ffmpeg",
            dir.resolve("no/ffmpeg").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("ffmpeg from --ffmpeg not found");
  }

  @Test
  void aDeckFileArgumentThatDoesNotExistIsBadInput() {
    // What the desktop file association passes when a .omnivibe file is opened.
    Run r = run(home.resolve("missing.omnivibe").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cannot open the deck").contains("missing.omnivibe");
  }

  @Test
  void encodersAsJsonAndTable() {
    Run json = run("encoders", "--json");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode report = parse(json.out());
    assertThat(report.path("defaultH264").asText()).isNotBlank();
    assertThat(report.path("encoders"))
        .anySatisfy(
            e -> {
              assertThat(e.path("name").asText()).isEqualTo("libx264");
              assertThat(e.path("usable").asBoolean()).isTrue();
            });
    Run table = run("encoders", "--refresh");
    assertThat(table.code()).isZero();
    assertThat(table.out())
        .contains("ENCODER")
        .contains("libx264")
        .contains("Default for renders (auto):");
    assertThat(home.resolve("cache/encoders.json")).isRegularFile();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
