package dev.omnivibe.engine.adapters.sqlite;

import java.util.List;

/**
 * The SQLite schema, one entry per version. Never edit a released entry: add the next one. The
 * store applies every version above the file's {@code user_version}, each in its own transaction.
 */
final class Migrations {
  static final List<List<String>> VERSIONS =
      List.of(
          // 1: jobs as documents plus the columns queries use; presentations; clients; roll-ups.
          List.of(
              """
              CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                queue TEXT NOT NULL,
                priority INTEGER NOT NULL,
                rank INTEGER NOT NULL,
                version INTEGER NOT NULL,
                dedup_key TEXT,
                created_ms INTEGER NOT NULL,
                finished_ms INTEGER,
                doc TEXT NOT NULL)""",
              "CREATE INDEX jobs_state ON jobs(state)",
              "CREATE INDEX jobs_listing ON jobs(created_ms DESC, id DESC)",
              "CREATE INDEX jobs_dedup ON jobs(dedup_key, finished_ms) WHERE dedup_key IS NOT NULL",
              """
              CREATE TABLE presentations (
                id TEXT PRIMARY KEY,
                name TEXT,
                slides INTEGER NOT NULL,
                duration REAL NOT NULL,
                created_at TEXT NOT NULL)""",
              """
              CREATE TABLE api_clients (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                last_used_at TEXT)""",
              """
              CREATE TABLE metric_rollups (
                category TEXT NOT NULL,
                operation TEXT NOT NULL,
                minute INTEGER NOT NULL,
                count INTEGER NOT NULL,
                failures INTEGER NOT NULL,
                sum_ms REAL NOT NULL,
                min_ms REAL NOT NULL,
                max_ms REAL NOT NULL,
                histogram BLOB NOT NULL,
                PRIMARY KEY (category, operation, minute))"""),
          // 2: history queries for time estimates read successes by finish time.
          List.of("CREATE INDEX jobs_finished ON jobs(state, finished_ms)"),
          // 3: who submitted each job (a submitter token lists only its own); token roles and
          //    rate limits. Jobs written before this version were all the workstation's own.
          List.of(
              "ALTER TABLE jobs ADD COLUMN submitted_by TEXT NOT NULL DEFAULT 'local'",
              "UPDATE jobs SET submitted_by = COALESCE(json_extract(doc, '$.submittedBy'), 'local')",
              "CREATE INDEX jobs_submitter ON jobs(submitted_by, created_ms DESC, id DESC)",
              "ALTER TABLE api_clients ADD COLUMN role TEXT NOT NULL DEFAULT 'submitter'",
              "ALTER TABLE api_clients ADD COLUMN rate_per_second REAL"));

  private Migrations() {}

  static int latest() {
    return VERSIONS.size();
  }
}
