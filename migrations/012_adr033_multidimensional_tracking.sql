-- 012_adr033_multidimensional_tracking.sql
--
-- ADR-033: success is tracked along three dimensions - incident type,
-- playbook (workflow) and action - instead of per action only, so the
-- selector can prefer a playbook that works for this kind of incident even
-- when its individual steps look mediocre in isolation.

ALTER TABLE public.resource_action_traces
    ADD COLUMN incident_type         TEXT,
    ADD COLUMN playbook_id           TEXT,
    ADD COLUMN playbook_version      TEXT,
    ADD COLUMN playbook_step_number  INTEGER,
    ADD COLUMN playbook_execution_id TEXT,
    ADD COLUMN ai_selected_playbook  BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN ai_chained_playbooks  BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN ai_manual_escalation  BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN ai_playbook_customization JSONB;

ALTER TABLE resource_action_traces
    ADD CONSTRAINT chk_rat_playbook_step_number
        CHECK (playbook_step_number IS NULL OR playbook_step_number > 0),
    ADD CONSTRAINT chk_rat_playbook_version_requires_id
        CHECK (playbook_version IS NULL OR playbook_id IS NOT NULL);

CREATE INDEX idx_rat_incident_type_timestamp
    ON resource_action_traces (incident_type, action_timestamp DESC)
    WHERE incident_type IS NOT NULL;
CREATE INDEX idx_rat_playbook
    ON resource_action_traces (playbook_id, playbook_version, action_timestamp DESC)
    WHERE playbook_id IS NOT NULL;
CREATE INDEX idx_rat_playbook_execution
    ON resource_action_traces (playbook_execution_id)
    WHERE playbook_execution_id IS NOT NULL;

-- The audit API records the same dimensions.
ALTER TABLE remediation_audit
    ADD COLUMN incident_type    TEXT,
    ADD COLUMN playbook_id      TEXT,
    ADD COLUMN playbook_version TEXT;

CREATE INDEX idx_remediation_audit_incident_type
    ON remediation_audit (incident_type, signal_name)
    WHERE incident_type IS NOT NULL;

CREATE OR REPLACE FUNCTION calculate_incident_type_success_rate(
    p_incident_type TEXT,
    p_window        INTERVAL DEFAULT INTERVAL '30 days'
)
RETURNS TABLE (
    total_executions      BIGINT,
    successful_executions BIGINT,
    success_rate          NUMERIC
)
LANGUAGE sql
STABLE
AS $$
    SELECT count(*),
           count(*) FILTER (WHERE t.execution_status = 'completed'),
           CASE WHEN count(*) = 0 THEN NULL
                ELSE round(count(*) FILTER (WHERE t.execution_status = 'completed')::numeric
                           / count(*), 3)
           END
      FROM resource_action_traces t
     WHERE t.incident_type = p_incident_type
       AND t.action_timestamp >= now() - p_window
       AND t.execution_status IN ('completed', 'failed', 'rolled-back');
$$;

COMMENT ON COLUMN resource_action_traces.incident_type IS
    'ADR-033 incident classification (e.g. pod-oom-killer, node-disk-pressure)';
COMMENT ON FUNCTION calculate_incident_type_success_rate(TEXT, INTERVAL) IS
    'ADR-033 success rate of all actions taken for one incident type';

GRANT EXECUTE ON FUNCTION calculate_incident_type_success_rate(TEXT, INTERVAL)
    TO datastorage_reader;
