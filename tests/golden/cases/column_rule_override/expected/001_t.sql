-- migc 0.1.0: generated from input/001_t.sql for profile test-column-rule; do not edit
-- migc: source sha256 21b91a4ced6df28087af0a5b1b261798a541eaded79b8a83d2b5899ee0bb17ea
-- migc: profile test-column-rule sha256 b08b55f00ae1aaaed7b49e259ade6d42b0bd08696e8ee7d1ebd215c11d1b5942
-- migc: elided CREATE EXTENSION vector: extension vector is absent in test-column-rule
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    embedding real[]
    -- migc: elided column title_embedding vector(3): type vector(3) needs extension vector, absent in test-column-rule
);
CREATE TABLE archive (id bigint, embedding float8[]);
CREATE TABLE other (id bigint /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in test-column-rule */);
