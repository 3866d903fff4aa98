-- migc 0.1.0: generated from input/V1.1__embeddings.sql for profile v1.0-novector; do not edit
-- migc: source sha256 8b1a46aa305f46a4e9e35117d70e7940eeafdb1e2b932d3197057039622c779c
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
ALTER TABLE ${schema}.docs /* migc: elided ADD COLUMN embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ ADD COLUMN source text;
