-- +goose Up
CREATE TABLE u (a int);
-- +goose Down
DROP TABLE u;
ALTER TABLE t DROP COLUMN never_added;
