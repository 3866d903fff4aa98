-- migc 0.1.0: generated from input/002_u.sql for profile v1.0-novector; do not edit
-- migc: source sha256 d684382e6ffc26cea4b03c65d5ae4120dee5823a62def5aee8f581d7cc383d01
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- +goose Up
CREATE TABLE u (a int);
-- +goose Down
DROP TABLE u;
ALTER TABLE t DROP COLUMN never_added;
