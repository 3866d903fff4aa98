SET search_path = 42;
SET search_path TO -1;
SET LOCAL search_path = 7;
SET search_path = 0;
CREATE TABLE t (a int);
