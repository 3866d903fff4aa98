-- migc 0.1.0: generated from input/002_functions.sql for profile v1.0-novector; do not edit
-- migc: source sha256 1c785268b88591ee56f109d4c00d32a610ae336144d39f07888c57ec5ae9cff5
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- PostgreSQL's <-> on points: parameters, declared variables, casts, columns
CREATE FUNCTION point_distance(p point, q point) RETURNS float8 LANGUAGE plpgsql AS $$
BEGIN
  RETURN p <-> q;
END
$$;

CREATE FUNCTION distance_to_origin(place_id integer) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
  here point;
  result float8;
BEGIN
  SELECT pos INTO here FROM places WHERE id = place_id;
  result := here <-> '(0,0)'::point;
  RETURN result;
END
$$;

CREATE FUNCTION nearest_place(target point) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT id FROM places ORDER BY pos <-> target LIMIT 1);
END
$$;

-- pgvector's <-> on a vector column: the function needs pgvector
CREATE FUNCTION nearest_embedding() RETURNS integer LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function nearest_embedding is not available: operator <-> needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
