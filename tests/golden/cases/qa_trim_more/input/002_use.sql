INSERT INTO docs (id, title, embedding) VALUES (1, 'a', '[1,2,3]')
    ON CONFLICT (id) DO UPDATE SET embedding = EXCLUDED.embedding, title = EXCLUDED.title;
INSERT INTO docs (id, title, embedding) VALUES (2, 'b', '[1,2,3]')
    ON CONFLICT (id) DO UPDATE SET embedding = EXCLUDED.embedding RETURNING id;
INSERT INTO docs_copy (id, title, embedding) SELECT id, title, embedding FROM docs WHERE id > 0;
GRANT SELECT (id, embedding), UPDATE (embedding) ON docs TO reader;
ALTER TABLE docs VALIDATE CONSTRAINT docs_emb_nn;
ALTER TABLE docs CLUSTER ON docs_emb_btree;
CLUSTER docs USING docs_emb_btree;
CREATE STATISTICS docs_st ON id, embedding FROM docs;
ANALYZE docs (embedding);
ANALYZE docs (title, embedding);
REFRESH MATERIALIZED VIEW docs_mv;
ALTER TYPE hit ADD ATTRIBUTE rank int;
ALTER TYPE hit RENAME ATTRIBUTE e TO emb;
CREATE TABLE IF NOT EXISTS docs (id int, embedding vector(3));
DROP FUNCTION IF EXISTS nosuch_f(vector);
DROP INDEX docs_title_idx1;
DROP INDEX docs_lower_idx;
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_has_emb ON docs FOR SELECT USING (embedding IS NOT NULL);
CREATE POLICY docs_titles ON docs FOR SELECT USING (title <> '');
