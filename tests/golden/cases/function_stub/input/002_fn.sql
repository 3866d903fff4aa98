-- SQL function taking a vector
CREATE OR REPLACE FUNCTION search_docs(query_embedding vector(3), match_count integer DEFAULT 5)
RETURNS TABLE (id bigint, title text, similarity double precision)
LANGUAGE sql STABLE
AS $$
    SELECT d.id, d.title, 1 - (d.embedding <=> query_embedding)
    FROM docs d
    ORDER BY d.embedding <=> query_embedding
    LIMIT match_count;
$$;

-- PL/pgSQL function with plain signature whose body uses the extension
CREATE FUNCTION similar_titles(p_title text, p_limit int)
RETURNS SETOF text
AS $body$
DECLARE
    q vector(3);
BEGIN
    SELECT embedding INTO q FROM docs WHERE title = p_title;
    RETURN QUERY SELECT title FROM docs ORDER BY cosine_distance(embedding, q) LIMIT p_limit;
END;
$body$ LANGUAGE plpgsql;

-- returns a vector
CREATE FUNCTION embedding_of(bigint) RETURNS vector LANGUAGE sql AS 'SELECT embedding FROM docs WHERE id = $1';

-- clean: kept byte for byte
CREATE FUNCTION title_len(p_id bigint) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
    RETURN length(title_of(p_id));
END $$;
