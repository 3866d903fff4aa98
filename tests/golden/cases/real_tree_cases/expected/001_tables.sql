-- migc 0.1.0: generated from input/001_tables.sql for profile v1.0-novector; do not edit
-- migc: source sha256 f054c433cb69f611903c488c52fb4584ed77a915d2ed158681e145ba2e013e81
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- no CREATE EXTENSION anywhere: the host is expected to provide it
CREATE SCHEMA archive;
CREATE TABLE embedding (
    id bigint PRIMARY KEY,
    -- migc: elided column embedding vector: type vector needs extension vector, absent in v1.0-novector                 -- unparameterised
    vector text NOT NULL DEFAULT 'v1' -- a column named vector, of type text
);
CREATE TABLE documents (
    id bigint PRIMARY KEY,
    embedding_id bigint REFERENCES embedding (id),
    vector integer
);
CREATE INDEX documents_vector_idx ON documents (vector);
