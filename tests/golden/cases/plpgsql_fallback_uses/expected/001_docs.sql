-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 4a737044a84a67544584c7a27ab3de044d229ab81bb913538aae23bce053c518
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (id bigint PRIMARY KEY, title text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
-- FOR r IN cursor: libpg_query's PL/pgSQL parser rejects it; the body uses pgvector
CREATE FUNCTION nearest_titles(q real[]) RETURNS SETOF text LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function nearest_titles is not available: argument type vector(3) needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
-- ALIAS FOR $1, no use of pgvector: kept as written
CREATE FUNCTION title_of(bigint) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  doc_id ALIAS FOR $1;
BEGIN
  RETURN (SELECT title FROM docs WHERE id = doc_id);
END $$;
