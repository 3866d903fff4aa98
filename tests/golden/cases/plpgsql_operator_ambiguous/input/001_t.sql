CREATE EXTENSION IF NOT EXISTS vector;

-- legacy_shapes is not created by this tree
CREATE FUNCTION shape_gap(shape_id integer) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  SELECT * INTO s FROM legacy_shapes WHERE id = shape_id;
  RETURN s.a <-> s.b;
END
$$;
