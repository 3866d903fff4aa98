-- +goose Up
-- 005_vector_schema.sql
--
-- Pattern store for similarity search: every distinct (action, alert, scope)
-- combination the platform has seen, with an embedding of its context so the
-- AI analysis can ask "what worked last time for something like this?".
--
-- Embeddings are produced by sentence-transformers/all-MiniLM-L6-v2 (384 dims).
-- The extension version is pinned to what the staging image ships.

CREATE EXTENSION IF NOT EXISTS vector WITH VERSION '0.5.1';

CREATE TABLE action_patterns (
    id                      BIGSERIAL PRIMARY KEY,
    action_type             TEXT        NOT NULL,
    alert_name              TEXT        NOT NULL,
    alert_severity          TEXT        NOT NULL,
    namespace               TEXT,
    resource_type           TEXT,
    action_parameters       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    embedding               vector(384),
    success_count           INTEGER     NOT NULL DEFAULT 0,
    failure_count           INTEGER     NOT NULL DEFAULT 0,
    average_effectiveness   NUMERIC(4,3),
    last_seen_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_action_patterns_signature
        UNIQUE (action_type, alert_name, namespace, resource_type),
    CONSTRAINT chk_action_patterns_severity
        CHECK (alert_severity IN ('critical', 'warning', 'info')),
    CONSTRAINT chk_action_patterns_counts
        CHECK (success_count >= 0 AND failure_count >= 0),
    CONSTRAINT chk_action_patterns_effectiveness
        CHECK (average_effectiveness IS NULL
               OR average_effectiveness BETWEEN 0 AND 1)
);

-- Approximate nearest-neighbour search on cosine distance.
CREATE INDEX idx_action_patterns_embedding
    ON action_patterns
    USING hnsw (embedding vector_cosine_ops);

CREATE INDEX idx_action_patterns_action_type
    ON action_patterns (action_type, alert_name);

CREATE INDEX idx_action_patterns_last_seen
    ON action_patterns (last_seen_at DESC);

CREATE TRIGGER trg_action_patterns_updated_at
    BEFORE UPDATE ON action_patterns
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE action_patterns IS
    'Distinct remediation patterns with outcome counters and a context embedding';
COMMENT ON COLUMN public.action_patterns.embedding IS
    'all-MiniLM-L6-v2 embedding (384 dims) of alert name, labels and action parameters';
COMMENT ON COLUMN action_patterns.average_effectiveness IS
    'Mean effectiveness_score of the traces matching this pattern';

GRANT SELECT ON action_patterns TO datastorage_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON action_patterns TO datastorage_writer;

-- +goose Down
REVOKE ALL ON action_patterns FROM datastorage_writer;
REVOKE ALL ON action_patterns FROM datastorage_reader;
DROP INDEX IF EXISTS idx_action_patterns_embedding;
DROP TABLE IF EXISTS action_patterns;
DROP EXTENSION IF EXISTS vector;
