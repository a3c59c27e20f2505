package dev.omnivibe.engine.adapters.neo4j;

import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreContract;

/** The Store contract on a real Neo4j (neo4j-harness, in process). */
class Neo4jStoreTest extends StoreContract {
  @Override
  protected Store newStore() {
    return TestNeo4j.emptyStore();
  }
}
