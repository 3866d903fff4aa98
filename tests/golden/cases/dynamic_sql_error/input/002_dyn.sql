-- adds an embedding column of a configurable size
CREATE FUNCTION add_embedding(dims int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE docs ADD COLUMN embedding vector(%s)', dims);
END $$;

DO $$
BEGIN
    PERFORM add_embedding(3);
    EXECUTE 'CREATE INDEX docs_emb_idx ON docs USING hnsw (embedding vector_l2_ops)';
END $$;

-- dynamic SQL without the extension is fine
DO $$
BEGIN
    EXECUTE 'ANALYZE docs';
END $$;
