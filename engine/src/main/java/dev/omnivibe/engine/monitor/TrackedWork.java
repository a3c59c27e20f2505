package dev.omnivibe.engine.monitor;

/** The body of {@link #track}. */
@FunctionalInterface
public interface TrackedWork<T, E extends Exception> {
  T run() throws E;
}
