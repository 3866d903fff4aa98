-- migc 0.1.0: generated from input/20240102120000_embeddings.sql for profile v1.0-novector; do not edit
-- migc: source sha256 4a022a48918ef1484bee2faf4aefb1d5d4ed90875b5447fdf4e9351ef929d6fa
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migrate:up
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
ALTER TABLE docs /* migc: elided ADD COLUMN embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ ADD COLUMN source text;

-- migrate:down
ALTER TABLE docs /* migc: elided DROP COLUMN embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ DROP COLUMN source;
