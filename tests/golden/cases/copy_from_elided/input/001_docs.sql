CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE docs (id integer PRIMARY KEY, title text, embedding vector(3));

CREATE TABLE notes (id integer PRIMARY KEY, body text);
