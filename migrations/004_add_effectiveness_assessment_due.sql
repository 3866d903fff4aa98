-- 004_add_effectiveness_assessment_due.sql
--
-- The effectiveness monitor assesses an action a fixed time after it ran.
-- Record when the assessment is due so the monitor can poll an index instead
-- of scanning every trace.

ALTER TABLE resource_action_traces
    ADD COLUMN effectiveness_assessment_due TIMESTAMPTZ;

-- Backfill: actions already finished but never assessed are due now + 10 min.
UPDATE resource_action_traces
   SET effectiveness_assessment_due = coalesce(execution_end_time, action_timestamp)
                                      + INTERVAL '10 minutes'
 WHERE effectiveness_score IS NULL
   AND execution_status IN ('completed', 'failed');

CREATE INDEX idx_rat_effectiveness_due
    ON resource_action_traces (effectiveness_assessment_due)
    WHERE effectiveness_assessment_due IS NOT NULL
      AND effectiveness_score IS NULL;

COMMENT ON COLUMN resource_action_traces.effectiveness_assessment_due IS
    'When the effectiveness monitor should assess this action; NULL once not needed';
