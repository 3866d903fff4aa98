-- migc 0.1.0: generated from input/1_t.up.sql for profile v1.0-novector; do not edit
-- migc: source sha256 25312a357ba5c43fcf8242755b307bf3c82a057fcc4c030926b979b34cca9bc8
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE t (a int);
