CREATE EXTENSION vector; SELECT 1;
CREATE TABLE docs (id int, title text, e vector(3)); CREATE INDEX d_e ON docs USING hnsw (e vector_l2_ops); CREATE INDEX d_t ON docs (title);
SELECT 2; CREATE INDEX d_e2 ON docs USING hnsw (e vector_l2_ops)
;
COMMENT ON COLUMN docs.e IS E'it''s \' a vector; -- not a comment'; COMMENT ON COLUMN docs.title IS $c$title; */ /* $c$;
CREATE INDEX d_e3 ON docs USING hnsw (e vector_l2_ops) -- trailing comment ; here
;
