-- migc 0.1.0: generated from input/001_setup.sql for profile v2.0-vector; do not edit
-- migc: source sha256 d4a207d20d924eebb5907e13ca58a59a0e833c026d0a16dcdfebc9d948a5408c
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
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
