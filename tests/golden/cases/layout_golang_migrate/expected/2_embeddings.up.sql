-- migc 0.1.0: generated from input/2_embeddings.up.sql for profile v1.0-novector; do not edit
-- migc: source sha256 0072cbe059c167dd31b1b62062ff55b7332cc1a20450a730fa1637b34810b4a0
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
ALTER TABLE docs /* migc: elided ADD COLUMN embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ ADD COLUMN source text;
-- migc: elided index docs_embedding_idx: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
