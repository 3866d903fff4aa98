-- +goose Up
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE t (a int, e vector(3));
-- +goose Down
ALTER TABLE t DROP COLUMN e;
ALTER TABLE t DROP COLUMN never_added;
DROP TABLE t;
