CREATE TABLE docs (id bigint PRIMARY KEY, title text);

-- pgvector only where it is installed; the block adapts itself
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
        ALTER TABLE docs ADD COLUMN embedding vector(384);
        CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_cosine_ops);
    END IF;
END
$$;

-- a clean block is kept as is
DO LANGUAGE plpgsql $do$
BEGIN
    INSERT INTO docs (id, title) VALUES (1, 'hello');
END
$do$;
