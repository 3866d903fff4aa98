-- migc 0.1.0: generated from input/003_grants.sql for profile v1.0-novector; do not edit
-- migc: source sha256 31f516765873bbaac507cfb3d1e7c9357abc8991d7704586ea1e956c36b9f65b
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
GRANT EXECUTE ON FUNCTION search_docs(real[], integer) TO PUBLIC;
COMMENT ON FUNCTION search_docs(real[], integer) IS 'nearest documents';
COMMENT ON FUNCTION similar_titles(text, int) IS 'titles like this one';
REVOKE EXECUTE ON FUNCTION embedding_of(bigint), title_len(bigint) FROM PUBLIC;
ALTER FUNCTION search_docs(real[], integer) SET search_path = public;
DROP FUNCTION IF EXISTS embedding_of(bigint);
DROP FUNCTION search_docs(real[], integer), title_len(bigint);
