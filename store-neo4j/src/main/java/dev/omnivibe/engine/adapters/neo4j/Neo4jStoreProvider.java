package dev.omnivibe.engine.adapters.neo4j;

import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreLocation;
import dev.omnivibe.engine.store.StoreProvider;
import java.util.Set;

/** Registers the Neo4j catalog for bolt and neo4j URIs (see {@code META-INF/services}). */
public final class Neo4jStoreProvider implements StoreProvider {
  @Override
  public Set<String> schemes() {
    return Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");
  }

  @Override
  public Store open(StoreLocation location) {
    return Neo4jStore.connect(
        location.uri(), location.user(), location.password(), location.database());
  }
}
