-- migc 0.1.0: generated from input/003_view.sql for profile test-stub; do not edit
-- migc: source sha256 c335d24915b0c3877ab8eafb11925dea6923e1df2cf5fa72772abd382ad49818
-- migc: profile test-stub sha256 9773f9a8e1de5774f0d749d06a0e21fa0e883d6121aaa727c7b3a28fef23b66f
-- reads the stubbed column without vector operators: kept
CREATE VIEW docs_export AS SELECT id, title, embedding FROM docs;
-- uses a vector function: elided
-- migc: elided view docs_dims: function vector_dims needs extension vector, absent in test-stub
INSERT INTO docs (id, title, embedding) VALUES (1, 'one', NULL);
UPDATE docs SET embedding = NULL WHERE id = 1;
COMMENT ON COLUMN docs.embedding IS 'MiniLM-L12 768 dims';
