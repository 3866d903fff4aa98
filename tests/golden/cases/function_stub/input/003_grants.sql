GRANT EXECUTE ON FUNCTION search_docs(vector, integer) TO PUBLIC;
COMMENT ON FUNCTION search_docs(vector, integer) IS 'nearest documents';
COMMENT ON FUNCTION similar_titles(text, int) IS 'titles like this one';
REVOKE EXECUTE ON FUNCTION embedding_of(bigint), title_len(bigint) FROM PUBLIC;
ALTER FUNCTION search_docs(vector, integer) SET search_path = public;
DROP FUNCTION IF EXISTS embedding_of(bigint);
DROP FUNCTION search_docs(vector, integer), title_len(bigint);
