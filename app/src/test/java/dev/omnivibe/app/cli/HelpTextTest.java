package dev.omnivibe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.app.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly: no picocli warning about unescaped {@code %}. */
class HelpTextTest {

  /** The launcher and every subcommand, as a user types them. */
  static List<String[]> commands() {
    List<String[]> all = new ArrayList<>();
    all.add(new String[] {"--help"});
    for (String sub : Launcher.commandLine().getSubcommands().keySet()) {
      all.add(new String[] {sub, "--help"});
    }
    return all;
  }

  @Test
  void everyHelpPrintsWithoutWarnings() {
    List<String[]> commands = commands();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(5); // the launcher and its four subcommands
    PrintStream realErr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    // picocli prints its format warnings on System.err, not on the command's own writer.
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      for (String[] args : commands) {
        StringWriter out = new StringWriter();
        CommandLine cli = Launcher.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        assertThat(cli.execute(args)).as(String.join(" ", args)).isZero();
        assertThat(out.toString())
            .as(String.join(" ", args))
            .contains("Usage:")
            .doesNotContain("WARN");
      }
    } finally {
      System.setErr(realErr);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void helpSaysWhereTheLogsAre() {
    StringWriter out = new StringWriter();
    CommandLine cli = Launcher.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString())
        .contains("Logs: " + dev.omnivibe.engine.platform.AppDirs.forCurrentUser().logFile());
  }

  @Test
  void anUnescapedPercentWouldBeCaught() {
    @CommandLine.Command(name = "bad", mixinStandardHelpOptions = true)
    class Bad {
      @CommandLine.Option(names = "--x", description = "10% of it")
      int x;
    }
    PrintStream realErr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      new CommandLine(new Bad()).setOut(new PrintWriter(new StringWriter())).execute("--help");
    } finally {
      System.setErr(realErr);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("[picocli WARN]");
  }
}
