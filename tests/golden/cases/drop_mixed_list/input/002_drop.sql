DROP INDEX docs_title_idx, docs_embedding_idx;
DROP INDEX IF EXISTS docs_embedding_idx, docs_id_title_idx;
DROP VIEW docs_vectors, docs_titles;
DROP TABLE IF EXISTS scratch, no_such_table;
DROP TABLE docs CASCADE;
DROP EXTENSION IF EXISTS vector;
