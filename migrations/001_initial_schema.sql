-- 001_initial_schema.sql
--
-- Data Storage service: initial schema.
--
-- The Data Storage service is the single writer for everything the remediation
-- pipeline persists: incoming remediation requests, the history of actions taken
-- against each Kubernetes resource, notification delivery records and a generic
-- audit trail. Other services read through the REST API or, for reporting, through
-- the datastorage_reader role.
--
-- Roles are created idempotently: the same cluster hosts several environments and
-- roles are cluster-wide objects.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'datastorage_reader') THEN
        CREATE ROLE datastorage_reader NOLOGIN;
    END IF;
END
$$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'datastorage_writer') THEN
        CREATE ROLE datastorage_writer NOLOGIN;
    END IF;
END
$$;

-- ---------------------------------------------------------------------------
-- Remediation requests: one row per alert the gateway accepted for remediation.
-- ---------------------------------------------------------------------------
CREATE TABLE remediation_requests (
    id                  BIGSERIAL PRIMARY KEY,
    request_id          UUID        NOT NULL DEFAULT gen_random_uuid(),
    alert_name          TEXT        NOT NULL,
    alert_source        TEXT        NOT NULL DEFAULT 'prometheus',
    namespace           TEXT        NOT NULL,
    cluster_name        TEXT        NOT NULL DEFAULT 'default',
    target_resource     TEXT,
    severity            TEXT        NOT NULL,
    environment         TEXT        NOT NULL DEFAULT 'production',
    priority            TEXT        NOT NULL DEFAULT 'P2',
    status              TEXT        NOT NULL DEFAULT 'pending',
    payload             JSONB       NOT NULL DEFAULT '{}'::jsonb,
    failure_reason      TEXT,
    received_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at        TIMESTAMPTZ,
    CONSTRAINT uq_remediation_requests_request_id UNIQUE (request_id),
    CONSTRAINT chk_remediation_requests_severity
        CHECK (severity IN ('critical', 'warning', 'info')),
    CONSTRAINT chk_remediation_requests_environment
        CHECK (environment IN ('production', 'staging', 'development', 'test')),
    CONSTRAINT chk_remediation_requests_priority
        CHECK (priority IN ('P0', 'P1', 'P2', 'P3')),
    CONSTRAINT chk_remediation_requests_status
        CHECK (status IN ('pending', 'processing', 'analyzing', 'executing',
                          'completed', 'failed', 'timeout', 'rejected')),
    CONSTRAINT chk_remediation_requests_completed_after_created
        CHECK (completed_at IS NULL OR completed_at >= created_at)
);

CREATE INDEX idx_remediation_requests_alert_name
    ON remediation_requests (alert_name);
CREATE INDEX idx_remediation_requests_status_created
    ON remediation_requests (status, created_at DESC);
CREATE INDEX idx_remediation_requests_namespace
    ON remediation_requests (cluster_name, namespace);

COMMENT ON TABLE remediation_requests IS
    'Alerts accepted by the gateway for automated remediation, one row per request';
COMMENT ON COLUMN remediation_requests.payload IS
    'Original alert payload as received (labels, annotations, startsAt)';

-- ---------------------------------------------------------------------------
-- Kubernetes resources that actions were taken against.
-- ---------------------------------------------------------------------------
CREATE TABLE resource_references (
    id              BIGSERIAL PRIMARY KEY,
    resource_uid    UUID        NOT NULL,
    api_version     TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    namespace       TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at      TIMESTAMPTZ,
    last_seen_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_resource_references_uid UNIQUE (resource_uid),
    CONSTRAINT uq_resource_references_identity UNIQUE (namespace, kind, name)
);

CREATE INDEX idx_resource_references_kind
    ON resource_references (kind, namespace);

-- One action history per resource, with its retention limits.
CREATE TABLE action_histories (
    id                  BIGSERIAL PRIMARY KEY,
    resource_id         BIGINT      NOT NULL
                        REFERENCES resource_references (id) ON DELETE CASCADE,
    max_actions         INTEGER     NOT NULL DEFAULT 1000,
    max_age_days        INTEGER     NOT NULL DEFAULT 30,
    total_actions       INTEGER     NOT NULL DEFAULT 0,
    last_action_at      TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_action_histories_resource UNIQUE (resource_id),
    CONSTRAINT chk_action_histories_limits
        CHECK (max_actions > 0 AND max_age_days > 0 AND total_actions >= 0)
);

-- ---------------------------------------------------------------------------
-- Every action the workflow engine executed, with the model's reasoning and
-- the outcome.  This is the hottest table in the service.
-- ---------------------------------------------------------------------------
CREATE TABLE resource_action_traces (
    id                      BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    action_history_id       BIGINT      NOT NULL
                            REFERENCES action_histories (id) ON DELETE CASCADE,
    remediation_request_id  BIGINT
                            REFERENCES remediation_requests (id) ON DELETE SET NULL,
    action_id               UUID        NOT NULL DEFAULT gen_random_uuid(),
    action_type             TEXT        NOT NULL,
    action_timestamp        TIMESTAMPTZ NOT NULL DEFAULT now(),
    execution_start_time    TIMESTAMPTZ,
    execution_end_time      TIMESTAMPTZ,
    execution_duration_ms   INTEGER,
    model_used              TEXT        NOT NULL,
    model_confidence        NUMERIC(4,3) NOT NULL,
    model_reasoning         TEXT,
    action_parameters       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    execution_status        TEXT        NOT NULL DEFAULT 'pending',
    execution_error         TEXT,
    effectiveness_score     NUMERIC(4,3),
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_resource_action_traces_action_id UNIQUE (action_id),
    CONSTRAINT chk_rat_model_confidence
        CHECK (model_confidence BETWEEN 0 AND 1),
    CONSTRAINT chk_rat_effectiveness_score
        CHECK (effectiveness_score IS NULL OR effectiveness_score BETWEEN 0 AND 1),
    CONSTRAINT chk_rat_execution_duration
        CHECK (execution_duration_ms IS NULL OR execution_duration_ms >= 0),
    CONSTRAINT chk_rat_execution_status
        CHECK (execution_status IN ('pending', 'executing', 'completed',
                                    'failed', 'rolled-back', 'skipped'))
);

CREATE INDEX idx_rat_action_history
    ON resource_action_traces (action_history_id, action_timestamp DESC);
CREATE INDEX idx_rat_remediation_request
    ON resource_action_traces (remediation_request_id);
CREATE INDEX idx_rat_action_type_timestamp
    ON resource_action_traces (action_type, action_timestamp DESC);
CREATE INDEX idx_rat_execution_status
    ON resource_action_traces (execution_status)
    WHERE execution_status IN ('pending', 'executing');

COMMENT ON TABLE resource_action_traces IS
    'Actions executed against Kubernetes resources, with model reasoning and outcome';

-- ---------------------------------------------------------------------------
-- Notification delivery audit (Slack, e-mail, PagerDuty, ...).
-- ---------------------------------------------------------------------------
CREATE TABLE notification_audit (
    id                      BIGSERIAL PRIMARY KEY,
    remediation_request_id  BIGINT      NOT NULL
                            REFERENCES remediation_requests (id) ON DELETE CASCADE,
    notification_id         TEXT        NOT NULL,
    recipient               TEXT        NOT NULL,
    channel                 TEXT        NOT NULL,
    message_summary         TEXT        NOT NULL,
    status                  TEXT        NOT NULL,
    sent_at                 TIMESTAMPTZ NOT NULL,
    delivery_status         TEXT,
    error_message           TEXT,
    escalation_level        INTEGER     NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_notification_audit_notification_id UNIQUE (notification_id),
    CONSTRAINT chk_notification_audit_channel
        CHECK (channel IN ('email', 'slack', 'pagerduty', 'teams', 'sms', 'webhook')),
    CONSTRAINT chk_notification_audit_status
        CHECK (status IN ('sent', 'failed', 'acknowledged', 'escalated')),
    CONSTRAINT chk_notification_audit_escalation
        CHECK (escalation_level BETWEEN 0 AND 5)
);

CREATE INDEX idx_notification_audit_request
    ON notification_audit (remediation_request_id);
CREATE INDEX idx_notification_audit_channel_status
    ON notification_audit (channel, status);
CREATE INDEX idx_notification_audit_sent_at
    ON notification_audit (sent_at DESC);

-- ---------------------------------------------------------------------------
-- Generic audit trail.  Plain table for now; see 002 for partitioning.
-- ---------------------------------------------------------------------------
CREATE TABLE audit_events (
    event_id        UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    event_timestamp TIMESTAMPTZ NOT NULL DEFAULT now(),
    event_type      TEXT        NOT NULL,
    event_category  TEXT        NOT NULL,
    actor_type      TEXT        NOT NULL DEFAULT 'service',
    actor_id        TEXT        NOT NULL,
    resource_type   TEXT,
    resource_id     TEXT,
    correlation_id  TEXT,
    event_outcome   TEXT        NOT NULL DEFAULT 'success',
    event_data      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT chk_audit_events_outcome
        CHECK (event_outcome IN ('success', 'failure', 'pending'))
);

CREATE INDEX idx_audit_events_timestamp ON audit_events (event_timestamp DESC);
CREATE INDEX idx_audit_events_correlation ON audit_events (correlation_id);

-- ---------------------------------------------------------------------------
-- Privileges
-- ---------------------------------------------------------------------------
GRANT SELECT ON remediation_requests, resource_references, action_histories,
                resource_action_traces, notification_audit, audit_events
    TO datastorage_reader;
GRANT SELECT, INSERT, UPDATE ON remediation_requests, resource_references,
                                action_histories, resource_action_traces,
                                notification_audit
    TO datastorage_writer;
GRANT SELECT, INSERT ON audit_events TO datastorage_writer;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO datastorage_writer;
