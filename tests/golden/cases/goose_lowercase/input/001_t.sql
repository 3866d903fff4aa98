-- +goose no transaction
-- +goose up
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE t (id int, embedding vector(3));
-- +goose statementbegin
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;
-- +goose statementend
-- +goose down
DROP TABLE t;
