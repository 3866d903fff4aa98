-- migc 0.1.0: generated from input/001_ext.sql for profile v1.0-novector; do not edit
-- migc: source sha256 08cb5c44de85cbc52956877ed1dc4295a2ba1f384b338b4ea3855f183e93f411
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- Enable pgvector for similarity search.
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
