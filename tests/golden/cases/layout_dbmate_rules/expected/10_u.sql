-- migc 0.1.0: generated from input/10_u.sql for profile v1.0-novector; do not edit
-- migc: source sha256 0f1746f19348eab1f67f8ee8cce2e7f7598f3ff60a35375bfa4e20321968e8bf
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migrate:up
CREATE TABLE u (id int);
-- migrate:down
DROP TABLE u;
