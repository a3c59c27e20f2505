package dev.omnivibe.engine.store;

import java.util.Set;

/**
 * A store adapter that lives in its own module (the Neo4j catalog), found with {@link
 * java.util.ServiceLoader} so the engine never names it.
 */
public interface StoreProvider {
  /** The URI schemes it opens, in lower case. */
  Set<String> schemes();

  /**
   * @throws StoreException naming the location when the store cannot be reached or refuses the
   *     login
   */
  Store open(StoreLocation location);
}
