-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 7cd6feaa48618b087a8f57a69ee36c4466f38ce638e401f6059760361da2b602
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose Up
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    -- migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
    title text
);
-- migc: elided index docs_embedding_idx: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector

-- +goose Down
DROP TABLE docs;
