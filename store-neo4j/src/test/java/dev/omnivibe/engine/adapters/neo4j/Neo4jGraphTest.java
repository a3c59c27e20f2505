package dev.omnivibe.engine.adapters.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Payload;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog as a graph, and what happens when Neo4j is not there. */
class Neo4jGraphTest {
  Neo4jStore store;

  @BeforeEach
  void open() {
    store = TestNeo4j.emptyStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aRenderIsLinkedFromItsSubmitterToTheAssetsItsSlidesUse() throws Exception {
    String payload =
        """
        {"presentation": "p1",
         "deck": {"slides": [{"image": "asset:aaa", "narration": "asset:bbb"}, {"image": "asset:aaa"}]}}
        """;
    store.insert(
        Job.queued(
            "j1",
            "Launch",
            JobType.RENDER,
            QueueName.VIDEO,
            5,
            1,
            Payload.of(new ObjectMapper().readTree(payload)),
            null,
            null,
            Instant.parse("2026-11-24T10:00:00Z"),
            "studio-script"));
    List<Map<String, Object>> paths =
        store.read(
            tx ->
                tx.run(
                        "MATCH (u:User)-[:SUBMITTED]->(j:Job)-[:RENDERS]->(p:Presentation)-[:HAS_SLIDE]->(s:Slide)-[:USES]->(a:Asset) "
                            + "RETURN u.id AS user, j.id AS job, p.id AS presentation, s.index AS slide, a.ref AS asset "
                            + "ORDER BY slide, asset")
                    .list(r -> r.asMap()));
    assertThat(paths)
        .extracting(
            m ->
                m.get("user")
                    + " "
                    + m.get("job")
                    + " "
                    + m.get("presentation")
                    + " "
                    + m.get("slide")
                    + " "
                    + m.get("asset"))
        .containsExactly(
            "studio-script j1 p1 0 asset:aaa",
            "studio-script j1 p1 0 asset:bbb",
            "studio-script j1 p1 1 asset:aaa");
    // One node per asset, however many slides use it.
    long assets =
        store.read(tx -> tx.run("MATCH (a:Asset) RETURN count(a) AS n").single().get("n").asLong());
    assertThat(assets).isEqualTo(2);
  }

  @Test
  void constraintsAndIndexesExistAndStartingAgainKeepsThem() {
    Neo4jStore again = Neo4jStore.connect(TestNeo4j.get().boltURI().toString(), null, null, null);
    again.close();
    List<String> names =
        store.read(
            tx ->
                tx.run("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")
                    .list(r -> r.get("name").asString()));
    assertThat(names).contains("job_id", "asset_ref", "presentation_id", "user_id", "rollup_key");
    List<String> indexes =
        store.read(
            tx ->
                tx.run("SHOW INDEXES YIELD name RETURN name").list(r -> r.get("name").asString()));
    assertThat(indexes).contains("job_state", "job_dedup", "client_token");
  }

  @Test
  void anUnreachableServerIsNamedNotSwapped() {
    assertThatThrownBy(() -> Neo4jStore.connect("bolt://127.0.0.1:1", null, null, null))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot reach the Neo4j catalog at bolt://127.0.0.1:1")
        .hasMessageContaining("neo4j.uri");
  }
}
