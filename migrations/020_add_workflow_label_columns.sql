-- 020_add_workflow_label_columns.sql
--
-- Label-based workflow matching (DD-WORKFLOW-004): the selector matches the
-- signal's labels against the labels a workflow declares.  Mandatory labels
-- come from the workflow schema; custom and detected labels are free-form.

ALTER TABLE public.remediation_workflows
    ADD COLUMN labels          JSONB NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN custom_labels   JSONB NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN detected_labels JSONB NOT NULL DEFAULT '{}'::jsonb;

ALTER TABLE remediation_workflows
    ADD CONSTRAINT chk_remediation_workflows_labels_object
        CHECK (jsonb_typeof(labels) = 'object'
               AND jsonb_typeof(custom_labels) = 'object'
               AND jsonb_typeof(detected_labels) = 'object');

CREATE INDEX idx_remediation_workflows_labels
    ON remediation_workflows USING gin (labels jsonb_path_ops);
CREATE INDEX idx_remediation_workflows_custom_labels
    ON remediation_workflows USING gin (custom_labels);
CREATE INDEX idx_remediation_workflows_signal_type_label
    ON remediation_workflows ((labels ->> 'signal_type'))
    WHERE status = 'active';

COMMENT ON COLUMN remediation_workflows.labels IS
    'Mandatory labels from the workflow schema (signal_type, severity, component, ...)';
COMMENT ON COLUMN remediation_workflows.custom_labels IS
    'Operator-defined labels, matched exactly';
COMMENT ON COLUMN remediation_workflows.detected_labels IS
    'Labels inferred from the workflow content at registration time';
