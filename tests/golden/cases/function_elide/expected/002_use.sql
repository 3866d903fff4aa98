-- migc 0.1.0: generated from input/002_use.sql for profile test-function-elide; do not edit
-- migc: source sha256 cf9e63645e7f75bbb1c89c1e3e2cd56ac1ce35440c472a079cb54d73c5852005
-- migc: profile test-function-elide sha256 c0f742a4dec9f9aca74aee48ae3c47d7d3c6e6466bb5eedfab0ec3335365b619
-- migc: elided COMMENT ON nearest(vector,int4): function nearest(vector,int4) elided: argument type vector needs extension vector, absent in test-function-elide
GRANT EXECUTE ON FUNCTION /* migc: elided function nearest(vector,int4): function nearest(vector,int4) elided: argument type vector needs extension vector, absent in test-function-elide */ doc_count() TO PUBLIC;
-- migc: elided COMMENT ON reembed(int8): procedure reembed(int8) elided: function l2_normalize needs extension vector, absent in test-function-elide
-- migc: elided RENAME FUNCTION nearest(vector,int4): function nearest(vector,int4) elided: argument type vector needs extension vector, absent in test-function-elide
-- migc: elided DROP function nearest_docs(vector,int4): function nearest(vector,int4) elided: argument type vector needs extension vector, absent in test-function-elide
-- migc: elided DROP function reembed(int8): procedure reembed(int8) elided: function l2_normalize needs extension vector, absent in test-function-elide
CREATE VIEW doc_stats AS SELECT doc_count() AS n;
