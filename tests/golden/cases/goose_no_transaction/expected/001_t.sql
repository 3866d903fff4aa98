-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 c06e521e58b3f18a73338b7ea67dda5c146212f4bbac24bf4c53a4274c34fcd0
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
-- +goose Up
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (id bigint PRIMARY KEY, title text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);

-- +goose Down
DROP TABLE docs;
