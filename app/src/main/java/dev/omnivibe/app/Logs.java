package dev.omnivibe.app;

import dev.omnivibe.engine.platform.AppDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where log records go: standard error, as before, and a rotating file in the state folder, so that
 * an app started from the desktop menu, which has no terminal, still leaves a record. Five files of
 * 5 MB each: {@code omnivibe-0.log} is the newest.
 */
public final class Logs {
  static final int FILE_BYTES = 5 * 1024 * 1024;
  static final int FILES = 5;

  /** Libraries whose INFO lines are chatter; their warnings still show. */
  private static final String[] QUIET = {
    "io.javalin", "org.eclipse.jetty", "io.lettuce", "io.netty"
  };

  static final String UNNAMED_MODULE = "Unsupported JavaFX configuration";

  private Logs() {}

  /**
   * Sends log records to standard error and to the rotating file. A folder that cannot be written
   * costs the file, with one line saying so, never the command.
   *
   * @return the log file, or null when it could not be opened
   */
  public static Path install(AppDirs dirs) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.INFO);
    for (String name : QUIET) {
      Logger.getLogger(name).setLevel(Level.WARNING);
    }
    // JavaFX runs from the class path on purpose (ADR 13); its warning about that, printed at
    // every start, says nothing a user can act on. Its other warnings still show.
    Logger javafx = Logger.getLogger("javafx");
    javafx.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(UNNAMED_MODULE));
    ConsoleHandler console = new ConsoleHandler(); // writes to System.err
    console.setFormatter(new Line("HH:mm:ss"));
    root.addHandler(console);
    try {
      Files.createDirectories(dirs.state());
      String pattern = dirs.state().resolve("omnivibe-%g.log").toString();
      Handler file = new FileHandler(pattern, FILE_BYTES, FILES, true);
      file.setFormatter(new Line("yyyy-MM-dd HH:mm:ss.SSS"));
      file.setEncoding("UTF-8");
      root.addHandler(file);
      return dirs.logFile();
    } catch (IOException | RuntimeException e) {
      System.err.println("warning: no log file in " + dirs.state() + ": " + e.getMessage());
      return null;
    }
  }

  /** One line per record, as the terminal showed before: time [thread] LEVEL logger - message. */
  private static final class Line extends Formatter {
    private final String pattern;
    // Built at the first record, not at start: java.time's formatter set-up costs a few tens of
    // milliseconds, and a render that logs nothing should not pay them.
    private DateTimeFormatter time;

    Line(String pattern) {
      this.pattern = pattern;
    }

    @Override
    public String format(LogRecord r) {
      if (time == null) {
        time = DateTimeFormatter.ofPattern(pattern);
      }
      StringBuilder b = new StringBuilder(160);
      b.append(time.format(LocalDateTime.ofInstant(r.getInstant(), ZoneId.systemDefault())))
          .append(" [")
          .append(Thread.currentThread().getName())
          .append("] ")
          .append(
              r.getLevel() == Level.SEVERE
                  ? "ERROR"
                  : r.getLevel() == Level.WARNING ? "WARN" : r.getLevel().getName())
          .append(' ')
          .append(r.getLoggerName())
          .append(" - ")
          .append(formatMessage(r))
          .append(System.lineSeparator());
      if (r.getThrown() != null) {
        StringWriter trace = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(trace));
        b.append(trace);
      }
      return b.toString();
    }
  }
}
