-- migrate:up
CREATE TABLE document_chunks (
    id          bigserial PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    content     text NOT NULL,
    token_count integer NOT NULL DEFAULT 0,
    embedding   vector(384) NOT NULL,
    UNIQUE (document_id, ordinal)
);

CREATE INDEX document_chunks_embedding_idx
    ON document_chunks USING hnsw (embedding vector_cosine_ops)
    WITH (m = 16, ef_construction = 64);

CREATE INDEX document_chunks_document_id_idx ON document_chunks (document_id);

-- Nearest chunks for a query embedding, used by the search endpoint.
CREATE FUNCTION match_chunks(query_embedding vector(384), match_count integer)
RETURNS TABLE (chunk_id bigint, document_id bigint, similarity double precision)
LANGUAGE sql STABLE
AS $$
    SELECT c.id, c.document_id, 1 - (c.embedding <=> query_embedding)
    FROM document_chunks c
    ORDER BY c.embedding <=> query_embedding
    LIMIT match_count;
$$;

-- migrate:down
DROP FUNCTION match_chunks(vector, integer);
DROP TABLE document_chunks;
