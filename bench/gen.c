/*
 * gen.c — writes a large canonical migration tree for the benchmark.
 *
 * Usage: gen [--no-down] DIR N   (DIR must not exist; N migrations, N >= 2)
 * --no-down leaves out the goose Down sections (to tell their cost apart).
 *
 * The tree has the dependency shapes of the example in migrations/, repeated
 * in groups of ten migrations, each group on its own tables (suffix _K):
 *   1  plain table, indexes, trigger, comments            (goose Up/Down)
 *   2  vector table with an hnsw index, trigger, comments
 *   3  ALTER of the vector table (plain columns, constraint)
 *   4  one ALTER adding a vector column and a plain column (a mixed statement)
 *   5  dimension change: DROP INDEX, ALTER COLUMN TYPE vector(768), new index
 *   6  renames: the plain column from 4, the table from 1, an index
 *   7  functions: SQL with <=> (stubbed without pgvector), PL/pgSQL without
 *   8  views: one reading the vector column (elided), one plain
 *   9  plain workflow table with INSERT/UPDATE of data
 *   10 ALTERs of the workflow table, a halfvec column, GRANT, COMMENT
 * Migration 1 creates the extension (pinned WITH VERSION, as in 005) and the
 * trigger function every group uses. Versions are five digits (00001).
 * The output depends only on N, so runs are comparable.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *dir;
static int no_down;

/* Closes a migration; without Down sections, cuts the file at its
 * "-- +goose Down" line. */
static void close_mig(FILE *f, const char *path) {
  if (fclose(f) != 0) {
    perror("fclose");
    exit(1);
  }
  if (!no_down) return;
  FILE *r = fopen(path, "r+");
  char line[4096];
  long at = -1;
  while (r && fgets(line, sizeof line, r)) {
    if (strcmp(line, "-- +goose Down\n") == 0) {
      at = ftell(r) - (long)strlen(line);
      break;
    }
  }
  if (r) fclose(r);
  if (at >= 0 && truncate(path, at) != 0) {
    perror(path);
    exit(1);
  }
}

static char cur_path[4096];

static FILE *open_mig(int version, const char *name) {
  snprintf(cur_path, sizeof cur_path, "%s/%05d_%s.sql", dir, version, name);
  FILE *f = fopen(cur_path, "w");
  if (!f) {
    perror(cur_path);
    exit(1);
  }
  fprintf(f, "-- +goose Up\n-- %05d_%s.sql\n--\n", version, name);
  return f;
}

static void first(void) {
  FILE *f = open_mig(1, "extension_and_helpers");
  fputs("-- The extension is pinned to what the staging image ships, as in 005.\n\n"
        "CREATE EXTENSION IF NOT EXISTS vector WITH VERSION '0.5.1';\n\n"
        "CREATE OR REPLACE FUNCTION update_updated_at_column()\n"
        "RETURNS TRIGGER AS $$\n"
        "BEGIN\n"
        "    NEW.updated_at = now();\n"
        "    RETURN NEW;\n"
        "END;\n"
        "$$ LANGUAGE plpgsql;\n\n"
        "-- +goose Down\nDROP FUNCTION IF EXISTS update_updated_at_column();\n",
        f);
  close_mig(f, cur_path);
}

/* Migration v, shape s (0..9) of group k. */
static void shape(int v, int s, int k) {
  FILE *f;
  switch (s) {
  case 0:
    f = open_mig(v, "create_events");
    fprintf(f,
            "-- Raw events of tenant group %d, partition-free for the benchmark.\n\n"
            "CREATE TABLE events_%d (\n"
            "    id              BIGSERIAL PRIMARY KEY,\n"
            "    event_type      TEXT        NOT NULL,\n"
            "    alert_name      TEXT        NOT NULL,\n"
            "    namespace       TEXT,\n"
            "    payload         JSONB       NOT NULL DEFAULT '{}'::jsonb,\n"
            "    severity        TEXT        NOT NULL DEFAULT 'info',\n"
            "    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
            "    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
            "    CONSTRAINT chk_events_%d_severity\n"
            "        CHECK (severity IN ('critical', 'warning', 'info'))\n"
            ");\n\n"
            "CREATE INDEX idx_events_%d_type ON events_%d (event_type, created_at DESC);\n"
            "CREATE INDEX idx_events_%d_alert ON events_%d (alert_name);\n\n"
            "CREATE TRIGGER trg_events_%d_updated_at\n"
            "    BEFORE UPDATE ON events_%d\n"
            "    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();\n\n"
            "COMMENT ON TABLE events_%d IS 'Raw events, group %d';\n\n"
            "-- +goose Down\nDROP TABLE IF EXISTS events_%d;\n",
            k, k, k, k, k, k, k, k, k, k, k, k);
    break;
  case 1:
    f = open_mig(v, "vector_patterns");
    fprintf(f,
            "-- Pattern store with an embedding of its context (384 dims).\n\n"
            "CREATE TABLE patterns_%d (\n"
            "    id                      BIGSERIAL PRIMARY KEY,\n"
            "    action_type             TEXT        NOT NULL,\n"
            "    alert_name              TEXT        NOT NULL,\n"
            "    action_parameters       JSONB       NOT NULL DEFAULT '{}'::jsonb,\n"
            "    embedding               vector(384),\n"
            "    success_count           INTEGER     NOT NULL DEFAULT 0,\n"
            "    failure_count           INTEGER     NOT NULL DEFAULT 0,\n"
            "    average_effectiveness   NUMERIC(4,3),\n"
            "    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
            "    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
            "    CONSTRAINT uq_patterns_%d_signature UNIQUE (action_type, alert_name),\n"
            "    CONSTRAINT chk_patterns_%d_counts\n"
            "        CHECK (success_count >= 0 AND failure_count >= 0)\n"
            ");\n\n"
            "-- Approximate nearest-neighbour search on cosine distance.\n"
            "CREATE INDEX idx_patterns_%d_embedding\n"
            "    ON patterns_%d\n"
            "    USING hnsw (embedding vector_cosine_ops);\n\n"
            "CREATE INDEX idx_patterns_%d_action ON patterns_%d (action_type, alert_name);\n\n"
            "CREATE TRIGGER trg_patterns_%d_updated_at\n"
            "    BEFORE UPDATE ON patterns_%d\n"
            "    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();\n\n"
            "COMMENT ON TABLE patterns_%d IS 'Remediation patterns, group %d';\n"
            "COMMENT ON COLUMN patterns_%d.embedding IS 'all-MiniLM-L6-v2 embedding (384 dims)';\n\n"
            "-- +goose Down\nDROP TABLE IF EXISTS patterns_%d;\n",
            k, k, k, k, k, k, k, k, k, k, k, k, k);
    break;
  case 2:
    f = open_mig(v, "patterns_context");
    fprintf(f,
            "-- Context columns on the vector table (as 007 does).\n\n"
            "ALTER TABLE patterns_%d\n"
            "    ADD COLUMN context_labels JSONB NOT NULL DEFAULT '{}'::jsonb,\n"
            "    ADD COLUMN context_namespace TEXT;\n\n"
            "ALTER TABLE patterns_%d\n"
            "    ADD CONSTRAINT chk_patterns_%d_effectiveness\n"
            "        CHECK (average_effectiveness IS NULL OR average_effectiveness BETWEEN 0 AND 1);\n\n"
            "CREATE INDEX idx_patterns_%d_namespace ON patterns_%d (context_namespace);\n\n"
            "-- +goose Down\n"
            "DROP INDEX IF EXISTS idx_patterns_%d_namespace;\n"
            "ALTER TABLE patterns_%d DROP CONSTRAINT IF EXISTS chk_patterns_%d_effectiveness;\n"
            "ALTER TABLE patterns_%d DROP COLUMN IF EXISTS context_namespace,\n"
            "    DROP COLUMN IF EXISTS context_labels;\n",
            k, k, k, k, k, k, k, k, k);
    break;
  case 3:
    f = open_mig(v, "events_embedding");
    fprintf(f,
            "-- An embedding and a plain column in one statement (as 008 does);\n"
            "-- migration +3 renames the plain one.\n\n"
            "ALTER TABLE events_%d\n"
            "    ADD COLUMN embedding vector(384),\n"
            "    ADD COLUMN alert_fingerprint TEXT;\n\n"
            "CREATE INDEX idx_events_%d_fingerprint ON events_%d (alert_fingerprint);\n\n"
            "UPDATE events_%d SET alert_fingerprint = md5(alert_name) WHERE alert_fingerprint IS NULL;\n\n"
            "-- +goose Down\n"
            "DROP INDEX IF EXISTS idx_events_%d_fingerprint;\n"
            "ALTER TABLE events_%d DROP COLUMN IF EXISTS alert_fingerprint,\n"
            "    DROP COLUMN IF EXISTS embedding;\n",
            k, k, k, k, k, k);
    break;
  case 4:
    f = open_mig(v, "embedding_dimensions");
    fprintf(f,
            "-- Switch to all-mpnet-base-v2 (768 dims), as 009 does.\n\n"
            "DROP INDEX IF EXISTS idx_patterns_%d_embedding;\n\n"
            "ALTER TABLE patterns_%d ALTER COLUMN embedding TYPE vector(768);\n\n"
            "CREATE INDEX idx_patterns_%d_embedding\n"
            "    ON patterns_%d\n"
            "    USING hnsw (embedding vector_cosine_ops)\n"
            "    WITH (m = 16, ef_construction = 64);\n\n"
            "ALTER TABLE patterns_%d\n"
            "    ADD COLUMN embedding_model TEXT NOT NULL\n"
            "        DEFAULT 'sentence-transformers/all-mpnet-base-v2';\n\n"
            "COMMENT ON COLUMN patterns_%d.embedding IS 'all-mpnet-base-v2 embedding (768 dims)';\n\n"
            "-- +goose Down\n"
            "ALTER TABLE patterns_%d DROP COLUMN IF EXISTS embedding_model;\n"
            "DROP INDEX IF EXISTS idx_patterns_%d_embedding;\n"
            "ALTER TABLE patterns_%d ALTER COLUMN embedding TYPE vector(384);\n"
            "CREATE INDEX idx_patterns_%d_embedding ON patterns_%d\n"
            "    USING hnsw (embedding vector_cosine_ops);\n",
            k, k, k, k, k, k, k, k, k, k, k);
    break;
  case 5:
    f = open_mig(v, "rename_signal");
    fprintf(f,
            "-- Renames (as 011 and 018 do): the plain column added beside the\n"
            "-- embedding, the table, and an index.\n\n"
            "ALTER TABLE events_%d RENAME COLUMN alert_fingerprint TO signal_fingerprint;\n"
            "ALTER INDEX idx_events_%d_fingerprint RENAME TO idx_events_%d_signal;\n"
            "ALTER TABLE events_%d RENAME TO signals_%d;\n\n"
            "-- +goose Down\n"
            "ALTER TABLE signals_%d RENAME TO events_%d;\n"
            "ALTER INDEX idx_events_%d_signal RENAME TO idx_events_%d_fingerprint;\n"
            "ALTER TABLE events_%d RENAME COLUMN signal_fingerprint TO alert_fingerprint;\n",
            k, k, k, k, k, k, k, k, k, k);
    break;
  case 6:
    f = open_mig(v, "functions");
    fprintf(f,
            "-- A similarity search (needs pgvector) and a plain helper.\n\n"
            "CREATE FUNCTION find_similar_%d(q vector(768), n integer)\n"
            "RETURNS TABLE (id bigint, action_type text, distance double precision)\n"
            "LANGUAGE sql STABLE AS $$\n"
            "    SELECT p.id, p.action_type, p.embedding <=> q\n"
            "    FROM patterns_%d p\n"
            "    WHERE p.embedding IS NOT NULL\n"
            "    ORDER BY p.embedding <=> q\n"
            "    LIMIT n\n"
            "$$;\n\n"
            "CREATE FUNCTION record_outcome_%d(p_id bigint, ok boolean)\n"
            "RETURNS void LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            "    IF ok THEN\n"
            "        UPDATE patterns_%d SET success_count = success_count + 1 WHERE id = p_id;\n"
            "    ELSE\n"
            "        UPDATE patterns_%d SET failure_count = failure_count + 1 WHERE id = p_id;\n"
            "    END IF;\n"
            "END;\n"
            "$$;\n\n"
            "-- +goose Down\n"
            "DROP FUNCTION IF EXISTS record_outcome_%d(bigint, boolean);\n"
            "DROP FUNCTION IF EXISTS find_similar_%d(vector, integer);\n",
            k, k, k, k, k, k, k);
    break;
  case 7:
    f = open_mig(v, "views");
    fprintf(f,
            "-- An overview reading the embedding, and a plain summary (as 014).\n\n"
            "CREATE VIEW pattern_neighbours_%d AS\n"
            "    SELECT a.id AS pattern_id, b.id AS neighbour_id,\n"
            "           a.embedding <-> b.embedding AS distance\n"
            "    FROM patterns_%d a JOIN patterns_%d b ON a.id <> b.id\n"
            "    WHERE a.action_type = b.action_type;\n\n"
            "CREATE VIEW signal_summary_%d AS\n"
            "    SELECT event_type, severity, count(*) AS n, max(created_at) AS last_seen\n"
            "    FROM signals_%d\n"
            "    GROUP BY event_type, severity;\n\n"
            "GRANT SELECT ON signal_summary_%d TO PUBLIC;\n\n"
            "-- +goose Down\n"
            "DROP VIEW IF EXISTS signal_summary_%d;\n"
            "DROP VIEW IF EXISTS pattern_neighbours_%d;\n",
            k, k, k, k, k, k, k, k);
    break;
  case 8:
    f = open_mig(v, "workflow_catalog");
    fprintf(f,
            "-- A plain catalog with seed data (as 015).\n\n"
            "CREATE TABLE workflows_%d (\n"
            "    workflow_id     UUID        PRIMARY KEY,\n"
            "    name            TEXT        NOT NULL,\n"
            "    version         TEXT        NOT NULL DEFAULT '1.0.0',\n"
            "    execution_bundle TEXT,\n"
            "    labels          JSONB       NOT NULL DEFAULT '{}'::jsonb,\n"
            "    status          TEXT        NOT NULL DEFAULT 'active',\n"
            "    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
            "    CONSTRAINT uq_workflows_%d_name_version UNIQUE (name, version)\n"
            ");\n\n"
            "INSERT INTO workflows_%d (workflow_id, name, execution_bundle) VALUES\n"
            "    ('00000000-0000-0000-0000-%012d', 'restart-pod', 'registry/restart:1'),\n"
            "    ('00000000-0000-0001-0000-%012d', 'scale-up', 'registry/scale:1');\n\n"
            "UPDATE workflows_%d SET status = 'active' WHERE status IS NULL;\n\n"
            "-- +goose Down\nDROP TABLE IF EXISTS workflows_%d;\n",
            k, k, k, k, k, k, k);
    break;
  default:
    f = open_mig(v, "workflow_fields");
    fprintf(f,
            "-- Later ALTERs of the catalog (as 017-020), and a half-precision\n"
            "-- embedding on the signals.\n\n"
            "ALTER TABLE workflows_%d\n"
            "    ADD COLUMN description TEXT,\n"
            "    ADD COLUMN owner TEXT NOT NULL DEFAULT 'platform';\n"
            "ALTER TABLE workflows_%d RENAME COLUMN execution_bundle TO container_image;\n"
            "CREATE INDEX idx_workflows_%d_labels ON workflows_%d USING gin (labels);\n\n"
            "ALTER TABLE signals_%d ADD COLUMN summary_embedding halfvec(256);\n"
            "COMMENT ON COLUMN signals_%d.summary_embedding IS 'half-precision summary embedding';\n\n"
            "-- +goose Down\n"
            "ALTER TABLE signals_%d DROP COLUMN IF EXISTS summary_embedding;\n"
            "DROP INDEX IF EXISTS idx_workflows_%d_labels;\n"
            "ALTER TABLE workflows_%d RENAME COLUMN container_image TO execution_bundle;\n"
            "ALTER TABLE workflows_%d DROP COLUMN IF EXISTS owner, DROP COLUMN IF EXISTS description;\n",
            k, k, k, k, k, k, k, k, k, k);
    break;
  }
  close_mig(f, cur_path);
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "--no-down") == 0) {
    no_down = 1;
    argv++;
    argc--;
  }
  if (argc != 3 || atoi(argv[2]) < 2) {
    fprintf(stderr, "usage: gen [--no-down] DIR N   (N >= 2 migrations; DIR must not exist)\n");
    return 2;
  }
  dir = argv[1];
  int n = atoi(argv[2]);
  if (mkdir(dir, 0755) != 0) {
    fprintf(stderr, "gen: %s: %s\n", dir, strerror(errno));
    return 1;
  }
  first();
  /* a group's later shapes need its earlier ones: stop at a whole group,
   * then fill the rest with plain tables (shape 0) of new groups */
  int v = 2, k = 1;
  while (v + 9 <= n) {
    for (int s = 0; s < 10; s++) shape(v++, s, k);
    k++;
  }
  while (v <= n) shape(v++, 0, k++);
  return 0;
}
