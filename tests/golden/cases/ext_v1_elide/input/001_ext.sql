-- Enable pgvector for similarity search.
CREATE EXTENSION IF NOT EXISTS vector WITH VERSION '0.5.1';
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
