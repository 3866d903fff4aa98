-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 79b606d5a03291a12b48d5d10dfbe4071a750a203496e3cefa959adda0a5725b
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose no transaction
-- +goose up
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE t (id int /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
-- +goose statementbegin
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;
-- +goose statementend
-- +goose down
DROP TABLE t;
