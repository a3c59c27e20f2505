package dev.omnivibe.engine.ffmpeg;

/** What became of one candidate. */
public enum VerdictOutcome {
  /** Renders use it. */
  USED,
  /** It can render too; hardware encoders the used build cannot drive are tried with it. */
  ALSO_USABLE,
  /** It lacks something renders need. */
  LACKS,
  /** It does not start (a missing library, a broken binary). */
  DOES_NOT_RUN,
  /** There is none (nothing on PATH, no bundled build for this platform). */
  ABSENT
}
