DROP TABLE base CASCADE;
DROP SCHEMA scratch CASCADE;
DROP TABLE events;
-- each of these names something the drops above took with them
COMMENT ON COLUMN child.extra IS 'gone with base';
COMMENT ON VIEW base_names IS 'gone with base';
ALTER TABLE scratch.tmp ADD COLUMN b int;
ALTER TABLE events_2025 ADD COLUMN note text;
