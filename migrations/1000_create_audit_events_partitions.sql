-- 1000_create_audit_events_partitions.sql
--
-- Monthly partitions of audit_events (partitioned in 002).  Numbered 1000 so
-- it always runs after the schema migrations; the partition maintenance job
-- creates further months from here on, following the same naming scheme
-- audit_events_yYYYYmMM.  Rows outside these ranges stay in
-- audit_events_default.

CREATE TABLE audit_events_y2025m10 PARTITION OF audit_events
    FOR VALUES FROM ('2025-10-01 00:00:00+00') TO ('2025-11-01 00:00:00+00');
CREATE TABLE audit_events_y2025m11 PARTITION OF audit_events
    FOR VALUES FROM ('2025-11-01 00:00:00+00') TO ('2025-12-01 00:00:00+00');
CREATE TABLE audit_events_y2025m12 PARTITION OF audit_events
    FOR VALUES FROM ('2025-12-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');
CREATE TABLE audit_events_y2026m01 PARTITION OF audit_events
    FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00');
CREATE TABLE audit_events_y2026m02 PARTITION OF audit_events
    FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');
CREATE TABLE audit_events_y2026m03 PARTITION OF audit_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');

COMMENT ON TABLE audit_events_y2025m10 IS 'audit_events for 2025-10 (UTC)';
COMMENT ON TABLE audit_events_default IS
    'Catch-all partition; rows here mean the maintenance job is behind';

-- Partitions are scanned through the parent; direct grants are for the
-- retention job, which detaches and archives whole partitions.
GRANT SELECT ON audit_events_y2025m10, audit_events_y2025m11, audit_events_y2025m12,
                audit_events_y2026m01, audit_events_y2026m02, audit_events_y2026m03
    TO datastorage_reader;
