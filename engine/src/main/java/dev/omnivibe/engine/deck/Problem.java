package dev.omnivibe.engine.deck;

/**
 * One thing wrong with a deck, located by a field path such as {@code slides[3].image}.
 *
 * <p>{@link #pointer()} gives the same location as a JSON pointer for HTTP problem details.
 */
public record Problem(String field, String message) {

  public String pointer() {
    return "/" + field.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
