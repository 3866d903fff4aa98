-- migc 0.1.0: generated from input/001_set.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a0fb7a6a6c12bdfc45395d3b1b57cd8958537545ec90315b095cbde34c490dc1
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
SET search_path = 42;
SET search_path TO -1;
SET LOCAL search_path = 7;
SET search_path = 0;
CREATE TABLE t (a int);
