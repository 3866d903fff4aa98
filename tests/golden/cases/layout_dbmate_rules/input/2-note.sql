-- migrate:up
ALTER TABLE t ADD COLUMN note text;
-- migrate:down
