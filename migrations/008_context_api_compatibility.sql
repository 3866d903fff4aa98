-- 008_context_api_compatibility.sql
--
-- Context API compatibility: the Context API looks up historical actions by
-- semantic similarity and by the alert's fingerprint (Alertmanager's stable
-- hash of the label set).  Both live on resource_action_traces so that a
-- similar-incident query returns traces directly, without a join through
-- action_patterns.

ALTER TABLE resource_action_traces
    ADD COLUMN embedding vector(384),
    ADD COLUMN alert_fingerprint text;

CREATE INDEX idx_rat_alert_fingerprint
    ON resource_action_traces (alert_fingerprint, action_timestamp DESC)
    WHERE alert_fingerprint IS NOT NULL;

-- IVFFlat keeps the index small on this write-heavy table; lists ~ rows/1000.
CREATE INDEX idx_rat_embedding
    ON resource_action_traces
    USING ivfflat (embedding vector_cosine_ops)
    WITH (lists = 50);

COMMENT ON COLUMN resource_action_traces.embedding IS
    'all-MiniLM-L6-v2 embedding (384 dims) of the incident context at action time';
COMMENT ON COLUMN resource_action_traces.alert_fingerprint IS
    'Alertmanager fingerprint of the alert that triggered the action';

-- Fingerprint of the originating request, for the Context API's lookups.
ALTER TABLE remediation_requests
    ADD COLUMN fingerprint_source TEXT NOT NULL DEFAULT 'alertmanager',
    ADD CONSTRAINT chk_remediation_requests_fingerprint_source
        CHECK (fingerprint_source IN ('alertmanager', 'gateway', 'external'));
