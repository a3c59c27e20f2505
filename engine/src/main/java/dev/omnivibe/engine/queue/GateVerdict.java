package dev.omnivibe.engine.queue;

/** What the gate said; {@code reason} is set for a failure. */
public record GateVerdict(Kind kind, String reason) {
  public static final GateVerdict READY = new GateVerdict(Kind.READY, null);
  public static final GateVerdict WAIT = new GateVerdict(Kind.WAIT, null);

  public static GateVerdict fail(String reason) {
    return new GateVerdict(Kind.FAIL, reason);
  }

  public enum Kind {
    READY,
    WAIT,
    FAIL
  }
}
