-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 28d35b744ba23a0096f200764d8efcb089248b7555166c025fe802011db8e0d0
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose Up
CREATE TABLE t (a int);
-- +goose Down
-- never ran: a typo PostgreSQL would refuse
DROP TABLE t t;
