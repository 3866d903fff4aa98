-- no CREATE EXTENSION anywhere: the host is expected to provide it
CREATE SCHEMA archive;
CREATE TABLE embedding (
    id bigint PRIMARY KEY,
    embedding vector,                 -- unparameterised
    vector text NOT NULL DEFAULT 'v1' -- a column named vector, of type text
);
CREATE TABLE documents (
    id bigint PRIMARY KEY,
    embedding_id bigint REFERENCES embedding (id),
    vector integer
);
CREATE INDEX documents_vector_idx ON documents (vector);
