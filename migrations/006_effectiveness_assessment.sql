-- 006_effectiveness_assessment.sql
--
-- Effectiveness assessment: the monitor scores each finished action on
-- whether the alert cleared, whether it came back, and what else changed in
-- the environment.  One assessment per trace; the raw evidence is kept so a
-- score can be recomputed when the scoring model changes.

CREATE TABLE effectiveness_assessments (
    id                      BIGSERIAL PRIMARY KEY,
    assessment_id           UUID        NOT NULL DEFAULT gen_random_uuid(),
    trace_id                BIGINT      NOT NULL
                            REFERENCES resource_action_traces (id) ON DELETE CASCADE,
    assessment_method       TEXT        NOT NULL DEFAULT 'metrics',
    traditional_score       NUMERIC(4,3) NOT NULL,
    environmental_impact    NUMERIC(4,3),
    confidence              NUMERIC(4,3) NOT NULL,
    alert_resolved          BOOLEAN     NOT NULL,
    alert_recurred          BOOLEAN     NOT NULL DEFAULT false,
    recurrence_window       INTERVAL    NOT NULL DEFAULT INTERVAL '1 hour',
    side_effects_detected   BOOLEAN     NOT NULL DEFAULT false,
    side_effects            JSONB       NOT NULL DEFAULT '[]'::jsonb,
    evidence                JSONB       NOT NULL DEFAULT '{}'::jsonb,
    assessed_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT uq_effectiveness_assessments_assessment_id UNIQUE (assessment_id),
    CONSTRAINT uq_effectiveness_assessments_trace UNIQUE (trace_id),
    CONSTRAINT chk_effectiveness_assessments_method
        CHECK (assessment_method IN ('metrics', 'alert-state', 'manual', 'hybrid')),
    CONSTRAINT chk_effectiveness_assessments_scores
        CHECK (traditional_score BETWEEN 0 AND 1
               AND confidence BETWEEN 0 AND 1
               AND (environmental_impact IS NULL
                    OR environmental_impact BETWEEN -1 AND 1)),
    CONSTRAINT chk_effectiveness_assessments_side_effects
        CHECK (jsonb_typeof(side_effects) = 'array')
);

CREATE INDEX idx_effectiveness_assessments_assessed_at
    ON effectiveness_assessments (assessed_at DESC);
CREATE INDEX idx_effectiveness_assessments_unresolved
    ON effectiveness_assessments (trace_id)
    WHERE alert_resolved = false OR alert_recurred = true;

-- Aggregates per action type and day, refreshed by the monitor.
CREATE TABLE action_effectiveness_daily (
    action_type         TEXT        NOT NULL,
    bucket_date         DATE        NOT NULL,
    executions          INTEGER     NOT NULL DEFAULT 0,
    successes           INTEGER     NOT NULL DEFAULT 0,
    average_score       NUMERIC(4,3),
    p50_duration_ms     INTEGER,
    p95_duration_ms     INTEGER,
    refreshed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_action_effectiveness_daily PRIMARY KEY (action_type, bucket_date),
    CONSTRAINT chk_action_effectiveness_daily_counts
        CHECK (executions >= 0 AND successes BETWEEN 0 AND executions)
);

-- Schedule the assessment when a trace is written without one.
CREATE OR REPLACE FUNCTION set_effectiveness_assessment_due()
RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF NEW.effectiveness_assessment_due IS NULL
       AND NEW.execution_status IN ('completed', 'failed') THEN
        NEW.effectiveness_assessment_due :=
            coalesce(NEW.execution_end_time, NEW.action_timestamp) + INTERVAL '10 minutes';
    END IF;
    RETURN NEW;
END;
$fn$;

CREATE TRIGGER trg_rat_schedule_assessment
    BEFORE INSERT OR UPDATE OF execution_status ON resource_action_traces
    FOR EACH ROW EXECUTE FUNCTION set_effectiveness_assessment_due();

-- Record the assessment's score on the trace itself for cheap reads.
CREATE OR REPLACE FUNCTION propagate_effectiveness_score()
RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE resource_action_traces
       SET effectiveness_score = NEW.traditional_score,
           effectiveness_assessment_due = NULL
     WHERE id = NEW.trace_id;
    RETURN NEW;
END;
$fn$;

CREATE TRIGGER trg_effectiveness_assessments_propagate
    AFTER INSERT OR UPDATE OF traditional_score ON effectiveness_assessments
    FOR EACH ROW EXECUTE FUNCTION propagate_effectiveness_score();

COMMENT ON TABLE effectiveness_assessments IS
    'One effectiveness assessment per executed action, with the evidence used';

GRANT SELECT ON effectiveness_assessments, action_effectiveness_daily TO datastorage_reader;
GRANT SELECT, INSERT, UPDATE ON effectiveness_assessments, action_effectiveness_daily
    TO datastorage_writer;
