-- migc 0.1.0: generated from input/002_concurrently.sql for profile v1.0-novector; do not edit
-- migc: source sha256 d54da7a4c260bc5fd204cf4ec2833d6b96fbc8e23b3f7666db68f4278c411b65
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS docs_title_idx ON docs (title);
-- migc: elided index docs_embedding_idx: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector

-- +goose Down
-- migc: elided DROP index docs_embedding_idx: index docs_embedding_idx elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
DROP INDEX CONCURRENTLY IF EXISTS docs_title_idx;
