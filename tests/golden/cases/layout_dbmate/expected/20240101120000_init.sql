-- migc 0.1.0: generated from input/20240101120000_init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b4e14e5c2619687554f42f6474639a410903c950428fff17a77671ed17a55cfb
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migrate:up
CREATE TABLE docs (id bigserial PRIMARY KEY, title text NOT NULL);

-- migrate:down
DROP TABLE docs;
