-- +goose Up
-- 013_create_audit_event_retention.sql
--
-- Retention policy per audit event category.  Compliance needs remediation
-- and approval events for seven years; debugging chatter can go after 30 days.
-- The partition maintenance job reads this table to decide which monthly
-- partitions of audit_events may be detached.

CREATE TABLE audit_event_retention_policies (
    event_category      TEXT        PRIMARY KEY,
    retention_days      INTEGER     NOT NULL,
    legal_hold          BOOLEAN     NOT NULL DEFAULT false,
    description         TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT chk_audit_event_retention_days
        CHECK (retention_days BETWEEN 1 AND 3650)
);

INSERT INTO audit_event_retention_policies (event_category, retention_days, legal_hold, description)
VALUES
    ('remediation',  2555, true,  'Remediation lifecycle events (SOC 2: 7 years)'),
    ('approval',     2555, true,  'Human approvals and rejections of remediation plans'),
    ('notification',  365, false, 'Notification delivery and escalation'),
    ('analysis',      180, false, 'AI analysis requests and responses'),
    ('debug',          30, false, 'Diagnostic events emitted at debug level');

CREATE TRIGGER trg_audit_event_retention_policies_updated_at
    BEFORE UPDATE ON audit_event_retention_policies
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION audit_event_retention_days(p_event_category TEXT)
RETURNS INTEGER
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
    v_days INTEGER;
BEGIN
    SELECT p.retention_days
      INTO v_days
      FROM audit_event_retention_policies p
     WHERE p.event_category = p_event_category;

    -- Unknown categories are kept for the longest period: losing audit data
    -- is worse than keeping too much.
    RETURN coalesce(v_days, (SELECT max(retention_days)
                               FROM audit_event_retention_policies));
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION audit_events_expired_count(p_as_of TIMESTAMPTZ DEFAULT now())
RETURNS TABLE (category TEXT, expired BIGINT)
LANGUAGE plpgsql
STABLE
AS $$
BEGIN
    RETURN QUERY
        SELECT e.event_category, count(*)
          FROM audit_events e
          JOIN audit_event_retention_policies p
            ON p.event_category = e.event_category
         WHERE NOT p.legal_hold
           AND e.event_timestamp < p_as_of - make_interval(days => p.retention_days)
         GROUP BY e.event_category;
END;
$$;
-- +goose StatementEnd

ALTER TABLE audit_events
    ADD COLUMN retention_category TEXT;

COMMENT ON TABLE audit_event_retention_policies IS
    'Retention period per audit event category, read by partition maintenance';
COMMENT ON COLUMN audit_events.retention_category IS
    'Overrides event_category for retention when set';

GRANT SELECT ON audit_event_retention_policies TO datastorage_reader;
GRANT SELECT, INSERT, UPDATE ON audit_event_retention_policies TO datastorage_writer;
GRANT EXECUTE ON FUNCTION audit_event_retention_days(TEXT) TO datastorage_reader;

-- +goose Down
ALTER TABLE audit_events DROP COLUMN IF EXISTS retention_category;
DROP FUNCTION IF EXISTS audit_events_expired_count(TIMESTAMPTZ);
DROP FUNCTION IF EXISTS audit_event_retention_days(TEXT);
DROP TRIGGER IF EXISTS trg_audit_event_retention_policies_updated_at
    ON audit_event_retention_policies;
DROP TABLE IF EXISTS audit_event_retention_policies;
