package dev.omnivibe.engine.job;

import java.util.NoSuchElementException;

/** No job has the id the caller gave. */
public final class UnknownJobException extends NoSuchElementException {
  private static final long serialVersionUID = 1L;

  public UnknownJobException(String id) {
    super("no job with id '" + id + "'");
  }
}
