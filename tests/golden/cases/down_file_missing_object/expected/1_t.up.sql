-- migc 0.1.0: generated from input/1_t.up.sql for profile v1.0-novector; do not edit
-- migc: source sha256 25312a357ba5c43fcf8242755b307bf3c82a057fcc4c030926b979b34cca9bc8
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE t (a int);
