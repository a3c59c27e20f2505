package dev.omnivibe.engine.adapters.neo4j;

import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.Slide;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.payload.PayloadCodec;
import dev.omnivibe.engine.payload.RenderPayload;
import dev.omnivibe.engine.store.JobCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Cypher for job nodes and the graph around them, and their parameters. */
final class Neo4jJobs {
  private static final Logger LOG = LoggerFactory.getLogger(Neo4jJobs.class);

  /**
   * Creates the job, links it to whoever submitted it, and, for renders, to its presentation, the
   * presentation's slides and the assets each slide uses.
   */
  static final String INSERT =
      "CREATE (j:Job) SET j = $props "
          + "MERGE (u:User {id: $user}) CREATE (u)-[:SUBMITTED]->(j) "
          + "WITH j "
          + "CALL { WITH j "
          + "  WITH j WHERE $presentation IS NOT NULL "
          + "  MERGE (p:Presentation {id: $presentation}) "
          + "  MERGE (j)-[:RENDERS]->(p) "
          + "  WITH p UNWIND $slides AS slide "
          + "  MERGE (s:Slide {key: $presentation + '/' + slide.index}) SET s.index = slide.index "
          + "  MERGE (p)-[:HAS_SLIDE]->(s) "
          + "  WITH s, slide UNWIND slide.uses AS ref "
          + "  MERGE (a:Asset {ref: ref}) "
          + "  MERGE (s)-[:USES]->(a) "
          + "  RETURN count(*) AS linked "
          + "} "
          + "RETURN j.id";

  /** Takes the job's write lock before reading its version (see {@link Neo4jStore}). */
  static final String LOCK_AND_READ_VERSION =
      "MATCH (j:Job {id: $id}) SET j.locked = true REMOVE j.locked RETURN j.version AS version";

  static final String UPDATE = "MATCH (j:Job {id: $id}) SET j += $props";

  static final String PAGE =
      "MATCH (j:Job) WHERE (size($states) = 0 OR j.state IN $states) "
          + "AND ($queue IS NULL OR j.queue = $queue) "
          + "AND ($by IS NULL OR coalesce(j.submittedBy, 'local') = $by) "
          + "AND ($cm IS NULL OR j.createdMillis < $cm OR (j.createdMillis = $cm AND j.id < $cid)) "
          + "RETURN j.doc AS doc ORDER BY j.createdMillis DESC, j.id DESC LIMIT $limit";

  private Neo4jJobs() {}

  static Map<String, Object> props(Job j) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", j.id());
    p.put("name", j.name());
    p.put("type", j.type().name());
    p.put("queue", j.queue().name());
    p.put("state", j.state().name());
    p.put("priority", (long) j.priority());
    p.put("rank", j.rank());
    p.put("version", j.version());
    p.put("dedupKey", j.dedupKey());
    p.put("submittedBy", j.submittedBy());
    p.put("createdMillis", j.createdAt().toEpochMilli());
    p.put("finishedNanos", j.finishedAt() == null ? null : nanos(j.finishedAt()));
    p.put("doc", JobCodec.write(j));
    return p;
  }

  static Map<String, Object> insertParams(Job j) {
    RenderPayload render = null;
    if (j.type() == JobType.RENDER && j.payload() != null) {
      try {
        render = PayloadCodec.render(j);
      } catch (IllegalArgumentException e) {
        // The job is stored either way; only its links to the catalog are left out.
        LOG.warn("job {}: not linked to its presentation: {}", j.id(), e.getMessage());
      }
    }
    String presentation = render == null ? null : render.presentation();
    Map<String, Object> p = new HashMap<>();
    p.put("props", props(j));
    p.put("user", j.submittedBy());
    p.put("presentation", presentation);
    p.put("slides", presentation == null ? List.of() : slides(render.deck()));
    return p;
  }

  static Map<String, Object> updateParams(Job j) {
    return Map.of("id", j.id(), "props", props(j));
  }

  /** Each slide's index and the media it uses (image, narration, as written in the deck). */
  private static List<Map<String, Object>> slides(Deck deck) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < deck.slides().size(); i++) {
      Slide s = deck.slides().get(i);
      List<String> uses = new ArrayList<>();
      for (String ref : java.util.Arrays.asList(s.image(), s.narration())) {
        if (ref != null && !ref.isBlank()) {
          uses.add(ref);
        }
      }
      out.add(Map.of("index", (long) i, "uses", uses));
    }
    return out;
  }

  /** Instants as nanoseconds since the epoch: exact to the nanosecond until the year 2262. */
  static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
