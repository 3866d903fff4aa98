-- migc 0.1.0: generated from input/001_set.sql for profile v1.0-novector; do not edit
-- migc: source sha256 01c757024f4525a7e9a1674d00dfd7c919e42e943bb476a1b625016aa7eb0b55
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
SET search_path = 42;
SET search_path TO -1;
SET LOCAL search_path = 7;
SET search_path = 0;
-- PostgreSQL creates nothing unqualified under a path of no schema
RESET search_path;
CREATE TABLE t (a int);
