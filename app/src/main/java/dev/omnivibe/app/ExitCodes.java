package dev.omnivibe.app;

/** The launcher's exit codes, which scripts rely on. */
public final class ExitCodes {
  public static final int OK = 0;

  /** The render or the environment failed. */
  public static final int FAILURE = 1;

  /** The input was wrong; the message names the field or file. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
