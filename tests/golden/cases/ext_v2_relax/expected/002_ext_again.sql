-- migc 0.1.0: generated from input/002_ext_again.sql for profile v2.0-vector; do not edit
-- migc: source sha256 5915f412cfbb473ef73e89e9dab09718ba14461298dfe2b4d5209ed78c67e0e0
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
CREATE SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS "vector" WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS plpgsql;
CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_cosine_ops);
