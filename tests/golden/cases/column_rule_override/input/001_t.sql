CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    embedding vector(3),
    title_embedding vector(3)
);
CREATE TABLE archive (id bigint, embedding vector(3));
CREATE TABLE other (id bigint, embedding vector(3));
