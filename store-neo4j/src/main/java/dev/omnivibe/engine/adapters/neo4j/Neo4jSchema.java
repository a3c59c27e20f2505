package dev.omnivibe.engine.adapters.neo4j;

import java.util.List;

/** Constraints and indexes, created at every start; {@code IF NOT EXISTS} makes that a no-op. */
final class Neo4jSchema {
  static final List<String> STATEMENTS =
      List.of(
          "CREATE CONSTRAINT job_id IF NOT EXISTS FOR (j:Job) REQUIRE j.id IS UNIQUE",
          "CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE",
          "CREATE CONSTRAINT presentation_id IF NOT EXISTS FOR (p:Presentation) REQUIRE p.id IS UNIQUE",
          "CREATE CONSTRAINT slide_key IF NOT EXISTS FOR (s:Slide) REQUIRE s.key IS UNIQUE",
          "CREATE CONSTRAINT asset_ref IF NOT EXISTS FOR (a:Asset) REQUIRE a.ref IS UNIQUE",
          "CREATE CONSTRAINT client_id IF NOT EXISTS FOR (c:ApiClient) REQUIRE c.id IS UNIQUE",
          "CREATE CONSTRAINT rollup_key IF NOT EXISTS FOR (r:Rollup) REQUIRE r.key IS UNIQUE",
          "CREATE INDEX job_state IF NOT EXISTS FOR (j:Job) ON (j.state)",
          "CREATE INDEX job_dedup IF NOT EXISTS FOR (j:Job) ON (j.dedupKey)",
          "CREATE INDEX job_created IF NOT EXISTS FOR (j:Job) ON (j.createdMillis)",
          "CREATE INDEX job_finished IF NOT EXISTS FOR (j:Job) ON (j.finishedNanos)",
          "CREATE INDEX job_submitter IF NOT EXISTS FOR (j:Job) ON (j.submittedBy)",
          "CREATE INDEX client_token IF NOT EXISTS FOR (c:ApiClient) ON (c.tokenHash)",
          "CREATE INDEX rollup_minute IF NOT EXISTS FOR (r:Rollup) ON (r.minute)");

  private Neo4jSchema() {}
}
