-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 367fcc7a5cbf2d7d73549a1be02121b51fff6326a7ff045433db1163f8352190
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose Up
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE t (a int /* migc: elided column e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
-- +goose Down
-- migc: elided ALTER TABLE t DROP COLUMN e: column t.e elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TABLE t DROP COLUMN never_added;
DROP TABLE t;
