package dev.omnivibe.app.gui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs engine calls off the FX thread and hands their results back to it. View-models take one;
 * tests pass {@link #direct()} so everything happens on the test thread, in order.
 */
public final class Async {
  private final Executor background;
  private final Executor ui;

  public Async(Executor background, Executor ui) {
    this.background = background;
    this.ui = ui;
  }

  /**
   * One background thread (engine calls stay in the order the user made them) and the FX thread.
   */
  public static Async forFx() {
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ui-engine-calls");
              t.setDaemon(true);
              return t;
            });
    return new Async(worker, javafx.application.Platform::runLater);
  }

  public static Async direct() {
    return new Async(Runnable::run, Runnable::run);
  }

  /** Work that may throw anything. */
  @FunctionalInterface
  public interface Work<T> {
    T get() throws Exception;
  }

  /**
   * Runs {@code work} in the background, then {@code then} with its value on the UI thread; a
   * failure goes to {@code failed} with the exception's message (which names the problem).
   */
  public <T> void call(Work<T> work, Consumer<T> then, Consumer<Exception> failed) {
    background.execute(
        () -> {
          T value;
          try {
            value = work.get();
          } catch (Exception e) {
            ui.execute(() -> failed.accept(e));
            return;
          }
          ui.execute(() -> then.accept(value));
        });
  }

  public void ui(Runnable r) {
    ui.execute(r);
  }

  public Executor uiExecutor() {
    return ui;
  }
}
