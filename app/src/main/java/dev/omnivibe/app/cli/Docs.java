package dev.omnivibe.app.cli;

import dev.omnivibe.app.Launcher;
import dev.omnivibe.app.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the man page and the bash completion script from the command model, for the packages:
 * {@code Docs <folder>} makes {@code omnivibe.1} and {@code omnivibe.bash} there.
 */
public final class Docs {
  private Docs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: Docs FOLDER");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    CommandLine commands = Launcher.commandLine();
    // --help names this user's log file; the page's FILES section names it for every user.
    commands.getCommandSpec().usageMessage().footer(new String[0]);
    Files.writeString(
        dir.resolve("omnivibe.1"),
        ManPage.of(commands, Version.number(), LocalDate.now()),
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("omnivibe.bash"),
        AutoComplete.bash("omnivibe", Launcher.commandLine()),
        StandardCharsets.UTF_8);
  }
}
