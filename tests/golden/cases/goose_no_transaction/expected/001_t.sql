-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 c06e521e58b3f18a73338b7ea67dda5c146212f4bbac24bf4c53a4274c34fcd0
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose Up
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (id bigint PRIMARY KEY, title text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);

-- +goose Down
DROP TABLE docs;
