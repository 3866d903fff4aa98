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
CREATE FUNCTION nearest_embedding() RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT id FROM places ORDER BY embedding <-> '[1,2,3]' LIMIT 1);
END
$$;
