-- migc 0.1.0: generated from input/001_ext.sql for profile v1.0-novector; do not edit
-- migc: source sha256 08cb5c44de85cbc52956877ed1dc4295a2ba1f384b338b4ea3855f183e93f411
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- Enable pgvector for similarity search.
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
