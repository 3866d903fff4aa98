-- migc 0.1.0: generated from input/001_embeddings.sql for profile v1.0-novector; do not edit
-- migc: source sha256 d31b882d118395ff4430ecb481d89872a33760357512b60f1bee2b50cb15a152
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
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
