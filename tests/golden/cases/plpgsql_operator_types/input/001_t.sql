CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE places (id integer PRIMARY KEY, pos point, embedding vector(3));
