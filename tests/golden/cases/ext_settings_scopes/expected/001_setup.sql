-- migc 0.1.0: generated from input/001_setup.sql for profile v1.0-novector; do not edit
-- migc: source sha256 d4a207d20d924eebb5907e13ca58a59a0e833c026d0a16dcdfebc9d948a5408c
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector

CREATE TABLE docs (id integer PRIMARY KEY, body text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);

-- a function that tunes the search it runs: the SET clause is pgvector's
CREATE FUNCTION search_docs(q text) RETURNS SETOF integer
  LANGUAGE sql STABLE /* migc: SET hnsw.ef_search removed */ AS $$
  SELECT id FROM docs WHERE body LIKE q
$$;

CREATE FUNCTION search_docs_probes(q text) RETURNS SETOF integer
  LANGUAGE sql /* migc: SET ivfflat.probes removed */ SET work_mem = '64MB' AS $$
  SELECT id FROM docs WHERE body LIKE q
$$;
