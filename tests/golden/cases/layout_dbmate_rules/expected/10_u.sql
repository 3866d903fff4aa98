-- migc 0.1.0: generated from input/10_u.sql for profile v1.0-novector; do not edit
-- migc: source sha256 0f1746f19348eab1f67f8ee8cce2e7f7598f3ff60a35375bfa4e20321968e8bf
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migrate:up
CREATE TABLE u (id int);
-- migrate:down
DROP TABLE u;
