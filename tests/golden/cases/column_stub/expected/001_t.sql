-- migc 0.1.0: generated from input/001_t.sql for profile test-stub; do not edit
-- migc: source sha256 e5ab13401c2775e27fa50c2bcbede53ac539b104f6c41e86d6cc9d74aac652e9
-- migc: profile test-stub sha256 9773f9a8e1de5774f0d749d06a0e21fa0e883d6121aaa727c7b3a28fef23b66f
-- migc: elided CREATE EXTENSION vector: extension vector is absent in test-stub
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title text,
    embedding real[]
);
-- migc: elided index docs_embedding_idx: column docs.embedding stubbed as real[]: type vector(384) needs extension vector, absent in test-stub
