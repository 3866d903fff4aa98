CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE docs (id integer PRIMARY KEY, body text, embedding vector(3));

-- a function that tunes the search it runs: the SET clause is pgvector's
CREATE FUNCTION search_docs(q text) RETURNS SETOF integer
  LANGUAGE sql STABLE SET hnsw.ef_search = 100 AS $$
  SELECT id FROM docs WHERE body LIKE q
$$;

CREATE FUNCTION search_docs_probes(q text) RETURNS SETOF integer
  LANGUAGE sql SET ivfflat.probes TO 10 SET work_mem = '64MB' AS $$
  SELECT id FROM docs WHERE body LIKE q
$$;
