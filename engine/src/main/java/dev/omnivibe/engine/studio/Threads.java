package dev.omnivibe.engine.studio;

import java.time.Duration;

/** Thread helpers the studio's background loops share. */
final class Threads {
  private Threads() {}

  /** A daemon thread: studio loops must never keep the JVM alive on their own. */
  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Sleeps; an interrupt ends the sleep early and stays set for the loop to see. */
  static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
