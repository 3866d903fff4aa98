-- 017_add_workflow_schema_fields.sql
--
-- Workflow schema v1.1 (DD-WORKFLOW-002): the selector filters the catalog
-- on structured fields before ranking by similarity, so the fields the
-- workflow YAML declares are promoted to columns.

ALTER TABLE remediation_workflows
    ADD COLUMN signal_types        TEXT[]   NOT NULL DEFAULT '{}',
    ADD COLUMN risk_tolerance      TEXT     NOT NULL DEFAULT 'medium',
    ADD COLUMN business_category   TEXT,
    ADD COLUMN estimated_duration  INTERVAL,
    ADD COLUMN requires_approval   BOOLEAN  NOT NULL DEFAULT false,
    ADD COLUMN max_retries         SMALLINT NOT NULL DEFAULT 0;

ALTER TABLE remediation_workflows
    ADD CONSTRAINT chk_remediation_workflows_risk_tolerance
        CHECK (risk_tolerance IN ('low', 'medium', 'high')),
    ADD CONSTRAINT chk_remediation_workflows_max_retries
        CHECK (max_retries BETWEEN 0 AND 10),
    ADD CONSTRAINT chk_remediation_workflows_estimated_duration
        CHECK (estimated_duration IS NULL OR estimated_duration > INTERVAL '0');

CREATE INDEX idx_remediation_workflows_signal_types
    ON remediation_workflows USING gin (signal_types);
CREATE INDEX idx_remediation_workflows_risk_category
    ON remediation_workflows (risk_tolerance, business_category)
    WHERE status = 'active';

COMMENT ON COLUMN remediation_workflows.signal_types IS
    'Signal types this workflow remediates (e.g. OOMKilled, CrashLoopBackOff)';
COMMENT ON COLUMN remediation_workflows.risk_tolerance IS
    'Highest environment risk the workflow may run under without approval';
