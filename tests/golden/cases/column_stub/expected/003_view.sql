-- migc 0.1.0: generated from input/003_view.sql for profile test-stub; do not edit
-- migc: source sha256 c335d24915b0c3877ab8eafb11925dea6923e1df2cf5fa72772abd382ad49818
-- migc: profile test-stub sha256 3b1bf2684e9d900a8873fa1758a56a6c7dd006aa13c35ca86f2fba0f02460da3
-- reads the stubbed column without vector operators: kept
CREATE VIEW docs_export AS SELECT id, title, embedding FROM docs;
-- uses a vector function: elided
-- migc: elided view docs_dims: function vector_dims needs extension vector, absent in test-stub
INSERT INTO docs (id, title, embedding) VALUES (1, 'one', NULL);
UPDATE docs SET embedding = NULL WHERE id = 1;
COMMENT ON COLUMN docs.embedding IS 'MiniLM-L12 768 dims';
