SET search_path = 42;
SET search_path TO -1;
SET LOCAL search_path = 7;
SET search_path = 0;
-- PostgreSQL creates nothing unqualified under a path of no schema
RESET search_path;
CREATE TABLE t (a int);
