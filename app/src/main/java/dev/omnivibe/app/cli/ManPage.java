package dev.omnivibe.app.cli;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The man page, written in man(7) macros from picocli's own model of the commands: each command's
 * usage help is the text picocli prints for {@code --help}, so the page cannot drift from it.
 */
public final class ManPage {
  private ManPage() {}

  /**
   * @param version shown in the page's footer
   * @param date the page's date (the build's)
   */
  public static String of(CommandLine root, String version, LocalDate date) {
    String name = root.getCommandName();
    StringBuilder m = new StringBuilder(16_384);
    m.append(".TH ")
        .append(name.toUpperCase(Locale.ROOT))
        .append(" 1 \"")
        .append(date)
        .append("\" \"")
        .append(name)
        .append(' ')
        .append(version)
        .append("\" \"User Commands\"\n");
    m.append(".SH NAME\n")
        .append(name)
        .append(" \\- ")
        .append(escape(String.join(" ", root.getCommandSpec().usageMessage().description())))
        .append('\n');
    m.append(".SH SYNOPSIS\n.B ").append(name).append("\n[\\fIDECK\\fR]\n.br\n.B ").append(name);
    m.append("\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n");
    m.append(".SH DESCRIPTION\n")
        .append("With no command, or with a deck file, ")
        .append(name)
        .append(" opens the desktop window. The commands below run without a window.\n");
    m.append(".SH OPTIONS\n");
    usage(m, root);
    m.append(".SH COMMANDS\n");
    for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
      m.append(".SS ").append(name).append(' ').append(sub.getKey()).append('\n');
      usage(m, sub.getValue());
    }
    m.append(".SH ENVIRONMENT\n");
    env(m, "OMNIVIBE_HOME", "Keeps data, caches, settings and logs under one folder.");
    env(
        m,
        "OMNIVIBE_FFMPEG",
        "The FFmpeg to use; it is refused with the reason if it lacks what a render needs.");
    env(m, "OMNIVIBE_TOKEN", "The API token for loadtest.");
    env(m, "OMNIVIBE_JAVA_OPTS", "Extra options for the Java virtual machine.");
    env(
        m,
        "XDG_DATA_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME, XDG_STATE_HOME",
        "Where the folders below live.");
    m.append(".SH FILES\n");
    env(m, "~/.local/share/omnivibe", "Jobs, renders, uploaded assets and the API token.");
    env(
        m,
        "~/.local/state/omnivibe/omnivibe-0.log",
        "The log, newest first; older ones are omnivibe-1.log to omnivibe-4.log.");
    env(
        m,
        "~/.cache/omnivibe",
        "The unpacked FFmpeg, what each FFmpeg build can do, and encoder tests.");
    m.append(".SH EXIT STATUS\n0 done, 1 failed, 2 bad input.\n");
    m.append(".SH SEE ALSO\n.BR ffmpeg (1),\n.BR espeak-ng (1)\n");
    return m.toString();
  }

  private static void usage(StringBuilder m, CommandLine cli) {
    String text = cli.getUsageMessage(Ansi.OFF);
    m.append(".nf\n");
    for (String line : text.split("\\R", -1)) {
      m.append(escapeLine(line)).append('\n');
    }
    m.append(".fi\n");
  }

  private static void env(StringBuilder m, String name, String text) {
    m.append(".TP\n.B ").append(escape(name)).append('\n').append(escape(text)).append('\n');
  }

  /** A line of text that roff must not read as a request or an escape. */
  static String escapeLine(String line) {
    String e = escape(line);
    return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
  }

  /** Backslashes and hyphens as roff wants them; anything past ASCII as a named glyph. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\\') {
                b.append("\\e");
              } else if (c == '-') {
                b.append("\\-");
              } else if (c > 126) {
                b.append(String.format(Locale.ROOT, "\\[u%04X]", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
