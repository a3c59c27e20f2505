package dev.omnivibe.engine.media;

/** A media file is missing, unreadable, of the wrong type or damaged; the message says which. */
public class MediaException extends Exception {
  private static final long serialVersionUID = 1L;

  public MediaException(String message) {
    super(message);
  }
}
