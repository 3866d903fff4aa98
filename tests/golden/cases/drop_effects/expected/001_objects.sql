-- migc 0.1.0: generated from input/001_objects.sql for profile v1.0-novector; do not edit
-- migc: source sha256 514e24894cdeea06708dfeb6f8b77098520ccf28c20ea8f6aac238a4ccca0798
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE events (id bigint, at date, note text) PARTITION BY RANGE (at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE base (id int PRIMARY KEY, name text);
CREATE TABLE child (extra int) INHERITS (base);
CREATE TABLE refs (id int PRIMARY KEY, base_id int REFERENCES base (id));
CREATE VIEW base_names AS SELECT name FROM base;
CREATE VIEW base_names_again AS SELECT * FROM base_names;
CREATE SCHEMA scratch;
CREATE TABLE scratch.tmp (a int);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TABLE logs (id int);
CREATE TRIGGER logs_touch BEFORE INSERT ON logs FOR EACH ROW EXECUTE FUNCTION touch();
-- a column added to a parent reaches its partitions and children; so does a rename
ALTER TABLE events ADD COLUMN source text;
ALTER TABLE base RENAME COLUMN name TO title;
