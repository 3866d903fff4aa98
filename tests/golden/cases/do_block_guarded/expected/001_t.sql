-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a37ff16c20da3964dd4e5182762494ab04305cf30c718f2510c8803ed4933edc
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
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
