-- reads the stubbed column without vector operators: kept
CREATE VIEW docs_export AS SELECT id, title, embedding FROM docs;
-- uses a vector function: elided
CREATE VIEW docs_dims AS SELECT id, vector_dims(embedding) AS dims FROM docs;
INSERT INTO docs (id, title, embedding) VALUES (1, 'one', NULL);
UPDATE docs SET embedding = NULL WHERE id = 1;
COMMENT ON COLUMN docs.embedding IS 'MiniLM-L12 768 dims';
