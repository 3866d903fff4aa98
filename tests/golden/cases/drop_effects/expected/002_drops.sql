-- migc 0.1.0: generated from input/002_drops.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a66d9280736a0b22d98a55cb5c85bad19eaa4b7d05cb4842f17c6c137a1849f0
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
COMMENT ON COLUMN events_2025.source IS 'added to the parent';
COMMENT ON COLUMN child.title IS 'renamed with the parent';
-- partitions go with their table
DROP TABLE events;
CREATE TABLE events_2025 (id int);
-- CASCADE takes inheritance children, views (and their views) and foreign keys
DROP TABLE base CASCADE;
CREATE TABLE child (id int);
CREATE VIEW base_names AS SELECT 1 AS one;
CREATE VIEW base_names_again AS SELECT 2 AS two;
ALTER TABLE refs ADD CONSTRAINT refs_base_id_fkey CHECK (base_id > 0);
-- a schema with everything in it
DROP SCHEMA scratch CASCADE;
CREATE SCHEMA scratch;
CREATE TABLE scratch.tmp (b int);
-- a function with the triggers that call it
DROP FUNCTION touch() CASCADE;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER logs_touch BEFORE INSERT ON logs FOR EACH ROW EXECUTE FUNCTION touch();
