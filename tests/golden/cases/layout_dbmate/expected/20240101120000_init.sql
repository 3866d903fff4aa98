-- migc 0.1.0: generated from input/20240101120000_init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b4e14e5c2619687554f42f6474639a410903c950428fff17a77671ed17a55cfb
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migrate:up
CREATE TABLE docs (id bigserial PRIMARY KEY, title text NOT NULL);

-- migrate:down
DROP TABLE docs;
