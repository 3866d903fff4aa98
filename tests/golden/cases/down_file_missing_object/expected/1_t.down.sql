-- migc 0.1.0: generated from input/1_t.down.sql for profile v1.0-novector; do not edit
-- migc: source sha256 1b54f62785ec07d8ec525e706dc1e346323614a5231a9808fd9a7a795051137d
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
DROP INDEX t_a_never_made;
ALTER TABLE t RENAME COLUMN b TO c;
DROP TABLE t;
