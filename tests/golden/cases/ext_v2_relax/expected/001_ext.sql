-- migc 0.1.0: generated from input/001_ext.sql for profile v2.0-vector; do not edit
-- migc: source sha256 1e705e26b09da7b2e6099db9f7de62cd873bfc62f22a9e7dc5c2990025e37168
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
-- pinned: fails with 22023 on hosts shipping another pgvector
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id bigint PRIMARY KEY, embedding vector(3));
