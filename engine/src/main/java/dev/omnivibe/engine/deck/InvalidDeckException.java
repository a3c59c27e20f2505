package dev.omnivibe.engine.deck;

import java.util.List;
import java.util.stream.Collectors;

/** The deck cannot be rendered as given; every problem names its field. Never retried. */
public class InvalidDeckException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidDeckException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public InvalidDeckException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }
}
