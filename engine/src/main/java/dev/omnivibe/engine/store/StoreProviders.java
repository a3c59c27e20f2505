package dev.omnivibe.engine.store;

import java.util.ServiceLoader;

/** Opens a {@link StoreLocation} with the adapter on the class path that handles its scheme. */
public final class StoreProviders {
  private StoreProviders() {}

  /**
   * @throws StoreException naming the location when no adapter handles it, or it cannot be opened
   */
  public static Store open(StoreLocation location) {
    String scheme = location.scheme();
    for (StoreProvider p : ServiceLoader.load(StoreProvider.class)) {
      if (p.schemes().contains(scheme)) {
        return p.open(location);
      }
    }
    throw new StoreException(
        "no store adapter opens "
            + location
            + (scheme.isEmpty()
                ? " (it has no scheme such as bolt://)"
                : " ('" + scheme + "' URIs)")
            + "; the Neo4j catalog takes bolt://, neo4j:// and their +s and +ssc forms");
  }
}
