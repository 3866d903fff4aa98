-- migc 0.1.0: generated from input/002_u.sql for profile v1.0-novector; do not edit
-- migc: source sha256 d684382e6ffc26cea4b03c65d5ae4120dee5823a62def5aee8f581d7cc383d01
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose Up
CREATE TABLE u (a int);
-- +goose Down
DROP TABLE u;
ALTER TABLE t DROP COLUMN never_added;
