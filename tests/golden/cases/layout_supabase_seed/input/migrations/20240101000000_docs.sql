CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id int, embedding vector(3), title text);
