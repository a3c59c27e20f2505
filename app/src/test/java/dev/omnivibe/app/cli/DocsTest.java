package dev.omnivibe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.app.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The man page and the completion script come from the same model as --help. */
class DocsTest {
  private static final Set<String> MACROS =
      Set.of(".TH", ".SH", ".SS", ".TP", ".B", ".BR", ".br", ".nf", ".fi");

  @Test
  void theManPageHasEveryCommandAndOptionAndNoStrayRequests() {
    CommandLine cli = Launcher.commandLine();
    String page = ManPage.of(cli, "1.2.3", LocalDate.of(2026, 12, 2));
    assertThat(page).startsWith(".TH OMNIVIBE 1 \"2026-12-02\" \"omnivibe 1.2.3\"");
    for (var sub : cli.getSubcommands().entrySet()) {
      assertThat(page).contains(".SS omnivibe " + sub.getKey());
      for (String option : sub.getValue().getCommandSpec().optionsMap().keySet()) {
        assertThat(page).as(sub.getKey() + " " + option).contains(ManPage.escape(option));
      }
    }
    // Every line that roff reads as a request is one of ours; usage text never starts one.
    List<String> requests =
        page.lines().filter(l -> l.startsWith(".") || l.startsWith("'")).toList();
    assertThat(requests).allMatch(l -> MACROS.contains(l.split(" ")[0]), "known macros only");
    assertThat(ManPage.escapeLine(".hidden")).isEqualTo("\\&.hidden");
    assertThat(ManPage.escape("a\\b-c…")).isEqualTo("a\\eb\\-c\\[u2026]");
  }

  @Test
  void docsWritesAPageManCanRenderAndACompletionBashCanLoad(@TempDir Path dir) throws Exception {
    Docs.main(new String[] {dir.toString()});
    Path page = dir.resolve("omnivibe.1");
    Path completion = dir.resolve("omnivibe.bash");
    assertThat(Files.readString(completion))
        .contains("complete -F")
        .contains("render")
        .contains("loadtest")
        .contains("--json-progress");
    assertThat(run(List.of("bash", "-n", completion.toString()))).isEmpty();
    if (Files.isExecutable(Path.of("/usr/bin/groff"))) {
      // -ww: every warning; -z: no output, only the complaints.
      assertThat(run(List.of("groff", "-man", "-Tutf8", "-ww", "-z", page.toString()))).isEmpty();
    }
  }

  private static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.strip();
  }
}
