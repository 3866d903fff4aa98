-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 28d35b744ba23a0096f200764d8efcb089248b7555166c025fe802011db8e0d0
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- +goose Up
CREATE TABLE t (a int);
-- +goose Down
-- never ran: a typo PostgreSQL would refuse
DROP TABLE t t;
