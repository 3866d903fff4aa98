-- 002_fix_partitioning.sql
--
-- audit_events grows by ~2M rows a day and retention is enforced with DELETE,
-- which left the table bloated within a week of the first load test.  Convert
-- it to a table range-partitioned by month on event_timestamp so that
-- retention becomes DROP/DETACH PARTITION.
--
-- A partitioned table cannot be created from an existing one in place: the
-- old table is renamed, the new parent created under the old name, rows
-- copied, and the old table dropped (its indexes and grants go with it).
-- Monthly partitions are created by 1000_create_audit_events_partitions.sql;
-- until then every row lands in the default partition.

ALTER TABLE audit_events RENAME TO audit_events_legacy;

CREATE TABLE audit_events (
    event_id        UUID        NOT NULL DEFAULT gen_random_uuid(),
    event_timestamp TIMESTAMPTZ NOT NULL DEFAULT now(),
    event_date      DATE        NOT NULL DEFAULT CURRENT_DATE,
    event_type      TEXT        NOT NULL,
    event_category  TEXT        NOT NULL,
    event_version   TEXT        NOT NULL DEFAULT '1.0',
    actor_type      TEXT        NOT NULL DEFAULT 'service',
    actor_id        TEXT        NOT NULL,
    resource_type   TEXT,
    resource_id     TEXT,
    correlation_id  TEXT,
    parent_event_id UUID,
    event_outcome   TEXT        NOT NULL DEFAULT 'success',
    event_data      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    -- the partition key must be part of every unique constraint
    CONSTRAINT pk_audit_events PRIMARY KEY (event_id, event_timestamp),
    CONSTRAINT chk_audit_events_outcome
        CHECK (event_outcome IN ('success', 'failure', 'pending')),
    CONSTRAINT chk_audit_events_actor_type
        CHECK (actor_type IN ('service', 'user', 'system', 'external'))
) PARTITION BY RANGE (event_timestamp);

CREATE TABLE audit_events_default PARTITION OF audit_events DEFAULT;

INSERT INTO audit_events (
    event_id, event_timestamp, event_date, event_type, event_category,
    actor_type, actor_id, resource_type, resource_id, correlation_id,
    event_outcome, event_data
)
SELECT event_id,
       event_timestamp,
       (event_timestamp AT TIME ZONE 'UTC')::date,
       event_type,
       event_category,
       CASE WHEN actor_type IN ('service', 'user', 'system', 'external')
            THEN actor_type ELSE 'external' END,
       actor_id,
       resource_type,
       resource_id,
       correlation_id,
       event_outcome,
       event_data
FROM audit_events_legacy;

DROP TABLE audit_events_legacy;

-- Indexes on the parent cascade to every partition, present and future.
CREATE INDEX idx_audit_events_timestamp
    ON audit_events (event_timestamp DESC);
CREATE INDEX idx_audit_events_correlation
    ON audit_events (correlation_id, event_timestamp DESC);
CREATE INDEX idx_audit_events_resource
    ON audit_events (resource_type, resource_id, event_timestamp DESC);
CREATE INDEX idx_audit_events_type_category
    ON audit_events (event_category, event_type);
CREATE INDEX idx_audit_events_event_data
    ON audit_events USING gin (event_data jsonb_path_ops);

COMMENT ON TABLE audit_events IS
    'Audit trail of every state change, range-partitioned by month on event_timestamp';
COMMENT ON COLUMN audit_events.event_date IS
    'UTC calendar date of event_timestamp, kept for date-bucketed reporting queries';

-- Grants on the legacy table were dropped with it.
GRANT SELECT ON audit_events TO datastorage_reader;
GRANT SELECT, INSERT ON audit_events TO datastorage_writer;
