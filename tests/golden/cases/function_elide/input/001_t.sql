CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id bigint PRIMARY KEY, title text, embedding vector(3));
CREATE FUNCTION nearest(q vector, n int) RETURNS SETOF bigint
    LANGUAGE sql STABLE
    AS $$ SELECT id FROM docs ORDER BY embedding <-> q LIMIT n $$;
CREATE FUNCTION doc_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM docs $$;
CREATE PROCEDURE reembed(p_id bigint) LANGUAGE plpgsql AS $$
BEGIN
    UPDATE docs SET embedding = l2_normalize(embedding) WHERE id = p_id;
END $$;
