package dev.omnivibe.engine.store;

/** A job write lost a race: the stored job is not the version the writer started from. */
public final class StaleJobException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StaleJobException(String id, long expected, long actual) {
    super(
        "job "
            + id
            + " changed underneath this write (expected stored version "
            + expected
            + ", found "
            + actual
            + ")");
  }
}
