-- migc 0.1.0: generated from input/001_vector.sql for profile v1.0-novector; do not edit
-- migc: source sha256 4571d9b7053cede6f91c3e569eb398da97cd9c4d57c3abbe787f6ac6cd4e8090
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
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
