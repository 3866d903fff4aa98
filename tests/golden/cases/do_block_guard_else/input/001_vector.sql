CREATE TABLE docs (id bigint PRIMARY KEY);
-- the ELSE branch of IF NOT EXISTS runs only where pgvector is installed
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    RAISE NOTICE 'pgvector is not installed; semantic search is off';
  ELSE
    ALTER TABLE docs ADD COLUMN embedding vector(3);
    CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_l2_ops);
  END IF;
END $$;
