-- 011_rename_alert_to_signal.sql
--
-- ADR-015: the gateway now accepts Kubernetes events and cloud provider
-- notifications as well as Prometheus alerts.  "alert" becomes "signal" in
-- every API field and column name.

ALTER TABLE resource_action_traces
    RENAME COLUMN alert_fingerprint TO signal_fingerprint;
ALTER INDEX idx_rat_alert_fingerprint RENAME TO idx_rat_signal_fingerprint;

ALTER TABLE remediation_requests RENAME COLUMN alert_name TO signal_name;
ALTER TABLE remediation_requests RENAME COLUMN alert_source TO signal_source;
ALTER INDEX idx_remediation_requests_alert_name
    RENAME TO idx_remediation_requests_signal_name;

ALTER TABLE remediation_audit RENAME COLUMN alert_name TO signal_name;
ALTER INDEX idx_remediation_audit_alert_name
    RENAME TO idx_remediation_audit_signal_name;

-- New signal metadata.
ALTER TABLE remediation_requests
    ADD COLUMN signal_type TEXT NOT NULL DEFAULT 'prometheus-alert',
    ADD CONSTRAINT chk_remediation_requests_signal_type
        CHECK (signal_type IN ('prometheus-alert', 'kubernetes-event',
                               'aws-cloudwatch', 'azure-monitor', 'gcp-monitoring'));

COMMENT ON COLUMN resource_action_traces.signal_fingerprint IS
    'Stable fingerprint of the signal that triggered the action (was alert_fingerprint)';
COMMENT ON COLUMN remediation_requests.signal_name IS
    'Name of the signal (alert name, event reason, ...) that caused the request';
