package dev.omnivibe.app;

import dev.omnivibe.app.cli.EncodersCommand;
import dev.omnivibe.app.cli.LoadTestCommand;
import dev.omnivibe.app.cli.RenderCommand;
import dev.omnivibe.app.cli.ServeCommand;
import dev.omnivibe.app.gui.DesktopApp;
import dev.omnivibe.engine.platform.AppDirs;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Entry point of {@code ./omnivibe}: no arguments open the desktop window, subcommands run
 * headless. Deliberately not a JavaFX {@code Application}, so it starts from the classpath and CLI
 * use never loads the toolkit.
 */
@Command(
    name = "omnivibe",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "OmniVibe Workstation: turn slide decks into MP4 videos.",
    subcommands = {
      RenderCommand.class,
      EncodersCommand.class,
      ServeCommand.class,
      LoadTestCommand.class
    })
public final class Launcher implements Callable<Integer> {

  public static void main(String[] args) {
    redirectNativeCaches(AppDirs.forCurrentUser());
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new Launcher())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("error: " + e.getMessage());
              return ExitCodes.FAILURE;
            })
        .setParameterExceptionHandler(
            (e, args) -> {
              e.getCommandLine().getErr().println("error: " + e.getMessage());
              e.getCommandLine().usage(e.getCommandLine().getErr());
              return ExitCodes.BAD_INPUT;
            });
  }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DECK",
      description = "A deck file to open in the window (what opening a .omnivibe file passes).")
  java.nio.file.Path deck;

  /** No subcommand: open the desktop window and return when it closes. */
  @Override
  public Integer call() {
    if (deck != null && !java.nio.file.Files.isRegularFile(deck)) {
      spec.commandLine().getErr().println("error: cannot open the deck " + deck + ": no such file");
      return ExitCodes.BAD_INPUT;
    }
    return DesktopApp.open(deck);
  }

  /** JavaCPP and JavaFX unpack native libraries; keep them in our cache, not in ~/.javacpp. */
  static void redirectNativeCaches(AppDirs dirs) {
    if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
      System.setProperty(
          "org.bytedeco.javacpp.cachedir", dirs.cache().resolve("javacpp").toString());
    }
    if (System.getProperty("javafx.cachedir") == null) {
      System.setProperty("javafx.cachedir", dirs.cache().resolve("javafx").toString());
    }
  }
}
