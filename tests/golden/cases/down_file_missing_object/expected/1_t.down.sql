-- migc 0.1.0: generated from input/1_t.down.sql for profile v1.0-novector; do not edit
-- migc: source sha256 1b54f62785ec07d8ec525e706dc1e346323614a5231a9808fd9a7a795051137d
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
DROP INDEX t_a_never_made;
ALTER TABLE t RENAME COLUMN b TO c;
DROP TABLE t;
