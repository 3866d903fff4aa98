-- migc 0.1.0: generated from input/002.do.embeddings.sql for profile v1.0-novector; do not edit
-- migc: source sha256 84187bd873cc27cfe119282ae4b2f118eb2fb546be91da1881354a7e65fc8706
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
ALTER TABLE docs /* migc: elided ADD COLUMN embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ ADD COLUMN source text;
