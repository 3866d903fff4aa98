-- migc 0.1.0: generated from input/001_embeddings.sql for profile v2.0-vector; do not edit
-- migc: source sha256 d31b882d118395ff4430ecb481d89872a33760357512b60f1bee2b50cb15a152
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
CREATE TABLE docs (id bigint PRIMARY KEY, title text);

-- tries to install pgvector, and creates its tables only where it is there
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS "vector";
    EXCEPTION
      WHEN OTHERS THEN
        RAISE WARNING 'pgvector is not available: %', SQLERRM;
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    CREATE TABLE doc_embeddings (
      doc_id bigint NOT NULL REFERENCES docs (id) ON DELETE CASCADE,
      chunk integer NOT NULL,
      embedding vector(3) NOT NULL,
      CONSTRAINT doc_embeddings_pkey PRIMARY KEY (doc_id, chunk)
    );
    CREATE INDEX IF NOT EXISTS doc_embeddings_idx ON doc_embeddings USING hnsw (embedding vector_cosine_ops);
    ALTER TABLE docs ADD COLUMN embedded_at timestamptz;
  END IF;
END $$;
