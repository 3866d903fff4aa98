CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id bigint PRIMARY KEY, title text, embedding vector(3));
-- FOR r IN cursor: libpg_query's PL/pgSQL parser rejects it; the body uses pgvector
CREATE FUNCTION nearest_titles(q vector(3)) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  c CURSOR FOR SELECT title FROM docs ORDER BY embedding <-> q LIMIT 5;
  r record;
BEGIN
  FOR r IN c LOOP
    RETURN NEXT r.title;
  END LOOP;
END $$;
-- ALIAS FOR $1, no use of pgvector: kept as written
CREATE FUNCTION title_of(bigint) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  doc_id ALIAS FOR $1;
BEGIN
  RETURN (SELECT title FROM docs WHERE id = doc_id);
END $$;
