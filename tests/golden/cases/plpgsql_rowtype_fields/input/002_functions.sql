-- a %ROWTYPE variable read only through kept columns: kept
CREATE FUNCTION doc_title(doc_id integer) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  r docs%ROWTYPE;
BEGIN
  SELECT * INTO r FROM docs WHERE id = doc_id;
  RETURN r.title;
END
$$;

-- its field of the elided column: the function needs the column
CREATE FUNCTION doc_embedding_text(doc_id integer) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  r docs%ROWTYPE;
BEGIN
  SELECT * INTO r FROM docs WHERE id = doc_id;
  RETURN r.embedding::text;
END
$$;

-- a record filled by a loop over the table
CREATE FUNCTION doc_lengths() RETURNS SETOF integer LANGUAGE plpgsql AS $$
DECLARE
  rec record;
BEGIN
  FOR rec IN SELECT * FROM docs LOOP
    RETURN NEXT length(rec.embedding::text);
  END LOOP;
END
$$;

-- a parameter of the table's row type
CREATE FUNCTION doc_embedding_of(d docs) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN d.embedding::text;
END
$$;

CREATE FUNCTION doc_title_of(d docs) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN d.title;
END
$$;

CREATE FUNCTION doc_embedding_sql(d docs) RETURNS text LANGUAGE sql AS $$
  SELECT d.embedding::text
$$;
