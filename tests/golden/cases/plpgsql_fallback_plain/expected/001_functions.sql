-- migc 0.1.0: generated from input/001_functions.sql for profile v1.0-novector; do not edit
-- migc: source sha256 4d815acc8b6346c56b007376b6661765c62327157d44ff4659490dbbba351e0e
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- bodies PostgreSQL runs and libpg_query's PL/pgSQL parser rejects; none uses pgvector
CREATE TABLE items (id int, name text);
CREATE FUNCTION f1() RETURNS void LANGUAGE plpgsql AS $$
DECLARE c CURSOR FOR SELECT * FROM items; r record;
BEGIN FOR r IN c LOOP RAISE NOTICE '%', r.id; END LOOP; END $$;
CREATE FUNCTION f2() RETURNS TABLE (id int) LANGUAGE plpgsql AS $$
BEGIN id := 1; RETURN NEXT; END $$;
CREATE FUNCTION f3(c refcursor) RETURNS int LANGUAGE plpgsql AS $$
DECLARE r record; BEGIN FETCH c INTO r; RETURN 1; END $$;
CREATE FUNCTION f4(x int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN $1 := 2; RETURN x; END $$;
CREATE FUNCTION f5(int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE v ALIAS FOR $1; BEGIN RETURN v; END $$;
CREATE FUNCTION f6() RETURNS text LANGUAGE plpgsql AS $$
DECLARE t text COLLATE "C" := 'a'; BEGIN RETURN t; END $$;
CREATE FUNCTION f7() RETURNS int LANGUAGE plpgsql AS $$
DECLARE r items; BEGIN r.id := 1; RETURN r.id; END $$;
