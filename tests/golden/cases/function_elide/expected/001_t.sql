-- migc 0.1.0: generated from input/001_t.sql for profile test-function-elide; do not edit
-- migc: source sha256 5fe016a19ed43b71f3abab47e3f4f3b82ee090dba14cfd4425e2e92b0a4901dd
-- migc: profile test-function-elide sha256 c0f742a4dec9f9aca74aee48ae3c47d7d3c6e6466bb5eedfab0ec3335365b619
-- migc: elided CREATE EXTENSION vector: extension vector is absent in test-function-elide
CREATE TABLE docs (id bigint PRIMARY KEY, title text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in test-function-elide */);
-- migc: elided function nearest(vector,int4): argument type vector needs extension vector, absent in test-function-elide
CREATE FUNCTION doc_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM docs $$;
-- migc: elided procedure reembed(int8): function l2_normalize needs extension vector, absent in test-function-elide
