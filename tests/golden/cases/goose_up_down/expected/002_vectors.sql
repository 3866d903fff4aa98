-- migc 0.1.0: generated from input/002_vectors.sql for profile v1.0-novector; do not edit
-- migc: source sha256 38bc3d55b1623f5c904060a98562dd1112b8ccf701b9bddf451d6418b4f3d79d
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose Up
-- +goose StatementBegin
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
-- +goose StatementEnd
ALTER TABLE docs /* migc: elided ADD COLUMN embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ ADD COLUMN lang text;
-- migc: elided index docs_embedding_idx: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE INDEX docs_lang_idx ON docs (lang);

-- +goose Down
-- migc: elided DROP index docs_embedding_idx: index docs_embedding_idx elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
DROP INDEX docs_lang_idx;
ALTER TABLE docs /* migc: elided DROP COLUMN embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ DROP COLUMN lang;
-- migc: elided DROP extension vector: extension vector is absent in v1.0-novector
