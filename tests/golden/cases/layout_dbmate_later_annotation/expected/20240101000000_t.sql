-- migc 0.1.0: generated from input/20240101000000_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a55e4344439de77ce70cc490d6330068b2f6cb3d84379b9ccc9df924c6200fc2
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migrate:up
CREATE TABLE t (id int);
-- migrate:down
DROP TABLE t;
-- migrate:down
-- migrate:up
DROP TABLE IF EXISTS u;
