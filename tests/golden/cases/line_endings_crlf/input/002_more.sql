ALTER TABLE docs
    ADD COLUMN lang text,
    ADD COLUMN lang_embedding vector(3);
CREATE FUNCTION nearest(q vector, n int) RETURNS SETOF bigint
LANGUAGE sql STABLE
AS $$
    SELECT id FROM docs ORDER BY embedding <-> q LIMIT n
$$;
INSERT INTO docs (id, embedding, title) VALUES
    (1, '[1,2,3]', 'one'),
    (2, NULL, 'two');
