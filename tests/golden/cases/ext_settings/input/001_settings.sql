CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE items (id bigint PRIMARY KEY, embedding vector(3));
SET hnsw.ef_search = 100;
SET LOCAL ivfflat.probes = 10;
SHOW hnsw.ef_search;
RESET hnsw.ef_search;
SET statement_timeout = '5s';
