-- 019_uuid_primary_key.sql
--
-- The REST API exposes workflows by a single opaque id.  Give every workflow
-- version a UUID primary key; (workflow_name, version) stays unique and
-- remains the natural key for humans.  Existing rows get fresh UUIDs from
-- the column default.

ALTER TABLE remediation_workflows
    ADD COLUMN workflow_id UUID NOT NULL DEFAULT gen_random_uuid();

ALTER TABLE remediation_workflows
    DROP CONSTRAINT pk_remediation_workflows;

ALTER TABLE remediation_workflows
    ADD CONSTRAINT pk_remediation_workflows PRIMARY KEY (workflow_id);

ALTER TABLE remediation_workflows
    ADD CONSTRAINT uq_remediation_workflows_name_version UNIQUE (workflow_name, version);

-- previous_version pointed at a version string; point at the row instead.
ALTER TABLE remediation_workflows
    ADD COLUMN previous_version_id UUID
        REFERENCES remediation_workflows (workflow_id) ON DELETE SET NULL;

UPDATE remediation_workflows w
   SET previous_version_id = p.workflow_id
  FROM remediation_workflows p
 WHERE p.workflow_name = w.workflow_name
   AND p.version = w.previous_version;

-- Executions and audit records reference the workflow row they ran.
ALTER TABLE resource_action_traces
    ADD COLUMN workflow_id UUID
        REFERENCES remediation_workflows (workflow_id) ON DELETE SET NULL;
ALTER TABLE remediation_audit
    ADD COLUMN workflow_id UUID
        REFERENCES remediation_workflows (workflow_id) ON DELETE SET NULL;

CREATE INDEX idx_rat_workflow_id
    ON resource_action_traces (workflow_id)
    WHERE workflow_id IS NOT NULL;
CREATE INDEX idx_remediation_audit_workflow_id
    ON remediation_audit (workflow_id)
    WHERE workflow_id IS NOT NULL;

COMMENT ON COLUMN remediation_workflows.workflow_id IS
    'Primary key of a workflow version, exposed by the REST API';
COMMENT ON COLUMN remediation_workflows.previous_version IS
    'Deprecated: use previous_version_id';
