CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE docs (id integer PRIMARY KEY, title text, embedding vector(3));
