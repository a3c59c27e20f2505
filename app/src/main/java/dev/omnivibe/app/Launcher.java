package dev.omnivibe.app;

import dev.omnivibe.app.cli.EncodersCommand;
import dev.omnivibe.app.cli.LoadTestCommand;
import dev.omnivibe.app.cli.RenderCommand;
import dev.omnivibe.app.cli.ServeCommand;
import dev.omnivibe.app.gui.DesktopApp;
import dev.omnivibe.engine.platform.AppDirs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
    description = "OmniVibe Workstation: turn slide decks into MP4 videos.")
public final class Launcher implements Callable<Integer> {
  /** The subcommands, in the order help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  /** When {@code main} began, for the phases a command reports. */
  public static final long MAIN_NANOS = System.nanoTime();

  public static void main(String[] args) {
    AppDirs dirs = AppDirs.forCurrentUser();
    redirectNativeCaches(dirs);
    Logs.install(dirs);
    System.exit(commandLine(args).execute(args));
  }

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("render", RenderCommand::new);
    all.put("encoders", EncodersCommand::new);
    all.put("serve", ServeCommand::new);
    all.put("loadtest", LoadTestCommand::new);
    return all;
  }

  /** The whole command tree: every subcommand. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command tree {@code args} needs: only the named subcommand when there is one. Building a
   * subcommand reads its annotations and loads the types of its options (the API's, Jackson's), a
   * tenth of a second a CLI render does not need to spend on the others.
   */
  public static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new Launcher());
    String first = args.length > 0 ? args[0] : "";
    if (SUBCOMMANDS.containsKey(first)) {
      cli.addSubcommand(first, SUBCOMMANDS.get(first).get());
    } else {
      SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
    // Said in --help because a window started from the menu has no terminal to show its errors.
    cli.getCommandSpec()
        .usageMessage()
        .footer(
            "",
            ("Logs: " + AppDirs.forCurrentUser().logFile() + " (older: omnivibe-1.log …)")
                .replace("%", "%%")); // picocli formats the footer

    return cli.setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("error: " + e.getMessage());
              return ExitCodes.FAILURE;
            })
        .setParameterExceptionHandler(
            (e, badArgs) -> {
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
