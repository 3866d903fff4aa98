-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 4a737044a84a67544584c7a27ab3de044d229ab81bb913538aae23bce053c518
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
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
