-- migc 0.1.0: generated from input/002_use.sql for profile v1.0-novector; do not edit
-- migc: source sha256 dd3970180b9072651d8406fac637f39906435293546300a813fa42afbeda2b80
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
INSERT INTO docs (id, title /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */) VALUES (1, 'a' /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */)
    ON CONFLICT (id) DO UPDATE SET /* migc: elided SET embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ title = EXCLUDED.title;
INSERT INTO docs (id, title /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */) VALUES (2, 'b' /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */)
    ON CONFLICT (id) DO NOTHING /* migc: elided DO UPDATE of embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ RETURNING id;
INSERT INTO docs_copy (id, title /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */) SELECT id, title /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ FROM docs WHERE id > 0;
GRANT SELECT (id /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */) /* migc: elided update on columns of docs: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ ON docs TO reader;
-- migc: elided ALTER TABLE docs VALIDATE CONSTRAINT docs_emb_nn: constraint docs_emb_nn elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided ALTER TABLE docs CLUSTER ON docs_emb_btree: index docs_emb_btree elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided CLUSTER docs USING docs_emb_btree: index docs_emb_btree elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided CREATE STATISTICS: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided ANALYZE docs: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ANALYZE docs (title /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */);
-- migc: elided REFRESH MATERIALIZED VIEW docs_mv: materialized view docs_mv elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TYPE hit ADD ATTRIBUTE rank int;
-- migc: elided RENAME ATTRIBUTE hit.e: column hit.e elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE TABLE IF NOT EXISTS docs (id int /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
-- migc: elided DROP function nosuch_f(vector): argument type vector needs extension vector, absent in v1.0-novector
DROP INDEX docs_title_idx1;
DROP INDEX docs_lower_idx;
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
-- migc: elided CREATE POLICY docs_has_emb: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE POLICY docs_titles ON docs FOR SELECT USING (title <> '');
