-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 7cd6feaa48618b087a8f57a69ee36c4466f38ce638e401f6059760361da2b602
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
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
