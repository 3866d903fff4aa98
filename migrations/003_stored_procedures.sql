-- +goose Up
-- 003_stored_procedures.sql
--
-- Housekeeping functions and triggers shared by all tables:
--   * update_updated_at_column()      keeps updated_at honest on UPDATE
--   * audit_remediation_status()      writes an audit event on status changes
--   * get_action_success_rate()       success ratio of an action type
--   * cleanup_old_action_traces()     retention for resource_action_traces

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION audit_remediation_status()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO audit_events (
            event_type, event_category, actor_type, actor_id,
            resource_type, resource_id, correlation_id, event_outcome, event_data
        ) VALUES (
            'remediation.status_changed',
            'remediation',
            'service',
            'datastorage',
            'RemediationRequest',
            NEW.request_id::text,
            NEW.request_id::text,
            CASE WHEN NEW.status IN ('failed', 'timeout', 'rejected')
                 THEN 'failure' ELSE 'success' END,
            jsonb_build_object(
                'from', OLD.status,
                'to', NEW.status,
                'failure_reason', NEW.failure_reason
            )
        );
    END IF;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION get_action_success_rate(
    p_action_type TEXT,
    p_window      INTERVAL DEFAULT INTERVAL '7 days'
)
RETURNS NUMERIC
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
    v_total     BIGINT;
    v_succeeded BIGINT;
BEGIN
    SELECT count(*),
           count(*) FILTER (WHERE t.execution_status = 'completed')
      INTO v_total, v_succeeded
      FROM resource_action_traces t
     WHERE t.action_type = p_action_type
       AND t.action_timestamp >= now() - p_window
       AND t.execution_status IN ('completed', 'failed', 'rolled-back');

    IF v_total = 0 THEN
        RETURN NULL;
    END IF;
    RETURN round(v_succeeded::numeric / v_total, 3);
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION cleanup_old_action_traces(p_retention INTERVAL)
RETURNS BIGINT
LANGUAGE plpgsql
AS $$
DECLARE
    v_deleted BIGINT;
BEGIN
    IF p_retention < INTERVAL '1 day' THEN
        RAISE EXCEPTION 'retention % is shorter than one day', p_retention
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    DELETE FROM resource_action_traces
     WHERE action_timestamp < now() - p_retention
       AND execution_status NOT IN ('pending', 'executing');
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    RETURN v_deleted;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER trg_remediation_requests_updated_at
    BEFORE UPDATE ON remediation_requests
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER trg_action_histories_updated_at
    BEFORE UPDATE ON action_histories
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER trg_resource_action_traces_updated_at
    BEFORE UPDATE ON resource_action_traces
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER trg_notification_audit_updated_at
    BEFORE UPDATE ON notification_audit
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER trg_remediation_requests_status_audit
    AFTER UPDATE OF status ON remediation_requests
    FOR EACH ROW EXECUTE FUNCTION audit_remediation_status();

COMMENT ON FUNCTION get_action_success_rate(TEXT, INTERVAL) IS
    'Share of finished actions of a type that completed, over a trailing window';

REVOKE EXECUTE ON FUNCTION cleanup_old_action_traces(INTERVAL) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION get_action_success_rate(TEXT, INTERVAL) TO datastorage_reader;
GRANT EXECUTE ON FUNCTION cleanup_old_action_traces(INTERVAL) TO datastorage_writer;

-- +goose Down
DROP TRIGGER IF EXISTS trg_remediation_requests_status_audit ON remediation_requests;
DROP TRIGGER IF EXISTS trg_notification_audit_updated_at ON notification_audit;
DROP TRIGGER IF EXISTS trg_resource_action_traces_updated_at ON resource_action_traces;
DROP TRIGGER IF EXISTS trg_action_histories_updated_at ON action_histories;
DROP TRIGGER IF EXISTS trg_remediation_requests_updated_at ON remediation_requests;
DROP FUNCTION IF EXISTS cleanup_old_action_traces(INTERVAL);
DROP FUNCTION IF EXISTS get_action_success_rate(TEXT, INTERVAL);
DROP FUNCTION IF EXISTS audit_remediation_status();
DROP FUNCTION IF EXISTS update_updated_at_column();
