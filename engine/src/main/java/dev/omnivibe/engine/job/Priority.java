package dev.omnivibe.engine.job;

/** Job priority: 0 to 9, 9 runs first (as in the seed system), FIFO among equals. */
public final class Priority {
  public static final int MIN = 0;
  public static final int MAX = 9;
  public static final int DEFAULT = 5;

  private Priority() {}

  /**
   * @throws IllegalArgumentException when the value is outside 0-9
   */
  public static int check(int priority) {
    if (priority < MIN || priority > MAX) {
      throw new IllegalArgumentException(
          "priority " + priority + " is outside " + MIN + "-" + MAX + " (9 runs first)");
    }
    return priority;
  }
}
