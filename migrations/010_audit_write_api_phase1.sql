-- 010_audit_write_api_phase1.sql
--
-- Audit write API, phase 1: services POST remediation audit records to Data
-- Storage instead of writing to their own tables.  Each record carries a
-- free-text summary and its embedding so the post-incident review can find
-- similar past remediations.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE remediation_audit (
    id                      BIGSERIAL PRIMARY KEY,
    audit_id                UUID        NOT NULL DEFAULT gen_random_uuid(),
    remediation_request_id  BIGINT
                            REFERENCES remediation_requests (id) ON DELETE SET NULL,
    alert_name              TEXT        NOT NULL,
    namespace               TEXT        NOT NULL,
    cluster_name            TEXT        NOT NULL DEFAULT 'default',
    phase                   TEXT        NOT NULL,
    outcome                 TEXT,
    action_type             TEXT,
    summary                 TEXT,
    summary_embedding       vector(384),
    metadata                JSONB       NOT NULL DEFAULT '{}'::jsonb,
    recorded_by             TEXT        NOT NULL,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at            TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_remediation_audit_audit_id UNIQUE (audit_id),
    CONSTRAINT chk_remediation_audit_phase
        CHECK (phase IN ('pending', 'processing', 'analyzing', 'executing',
                         'completed', 'failed')),
    CONSTRAINT chk_remediation_audit_outcome
        CHECK (outcome IS NULL OR outcome IN ('success', 'failure', 'partial', 'skipped')),
    CONSTRAINT chk_remediation_audit_times
        CHECK (completed_at IS NULL OR completed_at >= started_at)
);

CREATE INDEX idx_remediation_audit_alert_name
    ON remediation_audit (alert_name, created_at DESC);
CREATE INDEX idx_remediation_audit_request
    ON remediation_audit (remediation_request_id);
CREATE INDEX idx_remediation_audit_phase
    ON remediation_audit (phase)
    WHERE phase NOT IN ('completed', 'failed');
CREATE INDEX idx_remediation_audit_summary_embedding
    ON remediation_audit
    USING hnsw (summary_embedding vector_ip_ops);

COMMENT ON TABLE remediation_audit IS
    'Remediation audit records written through the audit write API (phase 1)';
COMMENT ON COLUMN remediation_audit.summary_embedding IS
    'Normalised 384-dim embedding of summary; inner product equals cosine similarity';

GRANT SELECT ON remediation_audit TO datastorage_reader;
GRANT SELECT, INSERT ON remediation_audit TO datastorage_writer;
