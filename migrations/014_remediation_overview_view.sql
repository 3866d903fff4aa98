-- 014_remediation_overview_view.sql
--
-- Read model for the operations dashboard: one row per remediation request
-- with action counts, effectiveness and the latest audited phase.  Built only
-- from plain relational columns so it is identical in every deployment.

CREATE VIEW remediation_request_overview AS
SELECT r.id                         AS remediation_request_id,
       r.request_id,
       r.signal_name,
       r.signal_type,
       r.namespace,
       r.cluster_name,
       r.severity,
       r.priority,
       r.status,
       r.created_at,
       r.completed_at,
       r.completed_at - r.created_at AS time_to_resolution,
       coalesce(a.action_count, 0)  AS action_count,
       coalesce(a.failed_actions, 0) AS failed_actions,
       a.average_effectiveness,
       a.last_action_at,
       la.phase                     AS last_audited_phase,
       la.outcome                   AS last_audited_outcome,
       coalesce(n.notifications_sent, 0) AS notifications_sent
  FROM remediation_requests r
  LEFT JOIN LATERAL (
        SELECT count(*)                                            AS action_count,
               count(*) FILTER (WHERE t.execution_status = 'failed') AS failed_actions,
               round(avg(t.effectiveness_score), 3)                 AS average_effectiveness,
               max(t.action_timestamp)                              AS last_action_at
          FROM resource_action_traces t
         WHERE t.remediation_request_id = r.id
       ) a ON true
  LEFT JOIN LATERAL (
        SELECT ra.phase, ra.outcome
          FROM remediation_audit ra
         WHERE ra.remediation_request_id = r.id
         ORDER BY ra.created_at DESC
         LIMIT 1
       ) la ON true
  LEFT JOIN LATERAL (
        SELECT count(*) AS notifications_sent
          FROM notification_audit na
         WHERE na.remediation_request_id = r.id
           AND na.status IN ('sent', 'acknowledged')
       ) n ON true;

COMMENT ON VIEW remediation_request_overview IS
    'Per-request dashboard row: actions, effectiveness, last audited phase, notifications';

GRANT SELECT ON remediation_request_overview TO datastorage_reader;

-- Signal-level daily roll-up used by the weekly report.
CREATE VIEW signal_daily_summary AS
SELECT date_trunc('day', r.created_at)::date AS day,
       r.signal_name,
       r.signal_type,
       count(*)                                           AS requests,
       count(*) FILTER (WHERE r.status = 'completed')     AS completed,
       count(*) FILTER (WHERE r.status IN ('failed', 'timeout')) AS failed
  FROM remediation_requests r
 GROUP BY 1, 2, 3;

GRANT SELECT ON signal_daily_summary TO datastorage_reader;
