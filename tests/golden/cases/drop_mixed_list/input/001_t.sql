CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id bigint PRIMARY KEY, title text, embedding vector(3));
CREATE INDEX docs_title_idx ON docs (title);
CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_l2_ops);
CREATE INDEX docs_id_title_idx ON docs (id, title);
CREATE VIEW docs_titles AS SELECT id, title FROM docs;
CREATE VIEW docs_vectors AS SELECT id, embedding FROM docs;
CREATE TABLE scratch (id int);
