COMMENT ON FUNCTION nearest(vector, int) IS 'k nearest';
GRANT EXECUTE ON FUNCTION nearest(vector, int), doc_count() TO PUBLIC;
COMMENT ON PROCEDURE reembed(bigint) IS 're-normalize';
ALTER FUNCTION nearest(vector, int) RENAME TO nearest_docs;
DROP FUNCTION nearest_docs(vector, int);
DROP PROCEDURE reembed(bigint);
CREATE VIEW doc_stats AS SELECT doc_count() AS n;
