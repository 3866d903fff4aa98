-- migc 0.1.0: generated from input/002_functions.sql for profile v1.0-novector; do not edit
-- migc: source sha256 cbf3610f41d94873673645a0ed48449a993506aeccbddc5e27da0e990e922c32
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
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
CREATE FUNCTION doc_embedding_text(doc_id integer) RETURNS text LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function doc_embedding_text is not available: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;

-- a record filled by a loop over the table
CREATE FUNCTION doc_lengths() RETURNS SETOF integer LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function doc_lengths is not available: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;

-- a parameter of the table's row type
CREATE FUNCTION doc_embedding_of(d docs) RETURNS text LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function doc_embedding_of is not available: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;

CREATE FUNCTION doc_title_of(d docs) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN d.title;
END
$$;

CREATE FUNCTION doc_embedding_sql(d docs) RETURNS text LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function doc_embedding_sql is not available: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
