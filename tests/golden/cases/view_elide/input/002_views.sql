-- reads an elided column
CREATE VIEW doc_vectors AS SELECT id, embedding FROM docs;
-- uses a vector operator on a literal
CREATE OR REPLACE VIEW doc_distances AS
    SELECT id, embedding <-> '[1,2,3]' AS dist
    FROM docs;
-- coverage: counts rows with an embedding
CREATE VIEW doc_coverage AS
    SELECT count(*) AS total, count(embedding) AS embedded FROM docs;
-- clean
CREATE VIEW doc_titles AS SELECT id, title FROM docs;
-- reads an elided view
CREATE VIEW doc_vectors_recent AS SELECT v.id FROM doc_vectors v JOIN docs d USING (id) WHERE d.created_at > now() - interval '1 day';
CREATE MATERIALIZED VIEW doc_vectors_mat AS SELECT id, vector_dims(embedding) AS dims FROM docs;
