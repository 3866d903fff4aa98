CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id bigint PRIMARY KEY, title text, embedding vector(3), score real DEFAULT 0);
