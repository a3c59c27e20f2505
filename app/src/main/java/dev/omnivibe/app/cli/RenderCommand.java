package dev.omnivibe.app.cli;

import dev.omnivibe.app.Workstation;
import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.DeckReader;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.ffmpeg.FfmpegNotFoundException;
import dev.omnivibe.engine.platform.CancelToken;
import dev.omnivibe.engine.render.EncoderProfile;
import dev.omnivibe.engine.render.EncoderSelector;
import dev.omnivibe.engine.render.RenderCancelledException;
import dev.omnivibe.engine.render.RenderFailedException;
import dev.omnivibe.engine.render.RenderListener;
import dev.omnivibe.engine.render.RenderResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code omnivibe render DECK.json -o OUT.mp4}: one render with a terminal progress bar. It takes
 * the whole deck format: spoken slides are voiced here, music and loudness applied as in the queue.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Render a deck to an MP4 file.")
public final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DECK.json", description = "The deck file.")
  Path deckFile;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.mp4",
      description = "Output video.")
  Path output;

  @Option(
      names = "--encoder",
      defaultValue = "auto",
      description = "auto (default) or an encoder name.")
  String encoder;

  @Option(
      names = "--json-progress",
      description = "Print one JSON object per line instead of a bar.")
  boolean jsonProgress;

  @Option(names = "--ffmpeg", paramLabel = "PATH", description = "The ffmpeg executable to use.")
  Path ffmpeg;

  @Override
  public Integer call() {
    PhaseClock phases = PhaseClock.sinceProcessStart();
    phases.markAt("main", dev.omnivibe.app.Launcher.MAIN_NANOS);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    ProgressPrinter printer =
        jsonProgress ? new JsonProgressPrinter(out) : TerminalProgressBar.forTerminal(err);
    if (Files.isDirectory(output)) {
      return printer.badInput(
          new Problem("--output", "is a folder; give a file name such as out.mp4"));
    }
    Workstation ws;
    try {
      phases.mark("start");
      ws = Workstation.open(ffmpeg);
      phases.mark("ffmpeg");
    } catch (FfmpegNotFoundException e) {
      return printer.failed(e.getMessage());
    }
    Deck deck;
    EncoderProfile profile;
    try {
      deck = DeckReader.read(deckFile);
      profile = EncoderSelector.select(encoder, ws.encoders(false), ws.tools());
      phases.mark("deck");
    } catch (InvalidDeckException e) {
      return printer.badInput(e.problems().toArray(Problem[]::new));
    } catch (IllegalArgumentException e) {
      return printer.badInput(new Problem("--encoder", e.getMessage()));
    }
    CancelToken cancel = new CancelToken();
    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC =
        new Thread(
            () -> {
              cancel.cancel("cancelled (interrupted)");
              try {
                finished.await(); // let the render remove its temporary files before the JVM exits
              } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      RenderListener listener = printer::progress;
      // Checks the whole deck (media, music, spoken words) before anything runs.
      RenderResult result = ws.renderer().render(deck, output, profile, listener, cancel);
      phases.mark("render");
      return printer.done(result, ws.tools().choice().text(), phases.marks());
    } catch (InvalidDeckException e) {
      return printer.badInput(e.problems().toArray(Problem[]::new));
    } catch (RenderFailedException e) {
      return printer.failed(e.getMessage());
    } catch (RenderCancelledException e) {
      return printer.failed(e.getMessage());
    } catch (java.io.IOException e) {
      return printer.failed("cannot write the render: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return printer.failed("interrupted");
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
    }
  }
}
