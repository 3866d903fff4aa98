-- migc 0.1.0: generated from input/001_ext.sql for profile v1.0-novector; do not edit
-- migc: source sha256 08cb5c44de85cbc52956877ed1dc4295a2ba1f384b338b4ea3855f183e93f411
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
-- Enable pgvector for similarity search.
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
