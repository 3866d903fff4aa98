-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 c8eea333e93d470ba7b7daf76b9c6a702a693bb212042fe348f51483aa9f52db
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (id bigint PRIMARY KEY, title text, /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ created_at timestamptz DEFAULT now());
