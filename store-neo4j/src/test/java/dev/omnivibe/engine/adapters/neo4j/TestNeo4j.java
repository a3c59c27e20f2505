package dev.omnivibe.engine.adapters.neo4j;

import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/** One real in-process Neo4j for the whole test run (it takes seconds to start). */
public final class TestNeo4j {
  private static Neo4j server;

  private TestNeo4j() {}

  public static synchronized Neo4j get() {
    if (server == null) {
      server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "neo4j-harness-stop"));
    }
    return server;
  }

  /** A store on the shared server, emptied first. */
  public static Neo4jStore emptyStore() {
    Neo4jStore store = Neo4jStore.connect(get().boltURI().toString(), null, null, null);
    store.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
    return store;
  }
}
