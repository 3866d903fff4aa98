-- migc 0.1.0: generated from input/002_dims.sql for profile test-stub; do not edit
-- migc: source sha256 6489dc9262f19c4735ac9b4ff7d63b64056e1eb103ca811c02b840a70d1403d8
-- migc: profile test-stub sha256 9773f9a8e1de5774f0d749d06a0e21fa0e883d6121aaa727c7b3a28fef23b66f
-- new model: 768 dimensions
-- migc: elided DROP index docs_embedding_idx: index docs_embedding_idx elided: column docs.embedding stubbed as real[]: type vector(384) needs extension vector, absent in test-stub
ALTER TABLE docs /* migc: elided ALTER COLUMN embedding TYPE vector(768): column docs.embedding stubbed as real[]: type vector(384) needs extension vector, absent in test-stub */ ALTER COLUMN title SET NOT NULL;
-- migc: elided index docs_embedding_idx: column docs.embedding stubbed as real[]: type vector(384) needs extension vector, absent in test-stub
ALTER TABLE docs ADD COLUMN summary_embedding real[];
