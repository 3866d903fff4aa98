-- migc 0.1.0: generated from input/001_set.sql for profile v1.0-novector; do not edit
-- migc: source sha256 01c757024f4525a7e9a1674d00dfd7c919e42e943bb476a1b625016aa7eb0b55
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
SET search_path = 42;
SET search_path TO -1;
SET LOCAL search_path = 7;
SET search_path = 0;
-- PostgreSQL creates nothing unqualified under a path of no schema
RESET search_path;
CREATE TABLE t (a int);
