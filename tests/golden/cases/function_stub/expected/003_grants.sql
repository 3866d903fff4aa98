-- migc 0.1.0: generated from input/003_grants.sql for profile v1.0-novector; do not edit
-- migc: source sha256 31f516765873bbaac507cfb3d1e7c9357abc8991d7704586ea1e956c36b9f65b
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
GRANT EXECUTE ON FUNCTION search_docs(real[], integer) TO PUBLIC;
COMMENT ON FUNCTION search_docs(real[], integer) IS 'nearest documents';
COMMENT ON FUNCTION similar_titles(text, int) IS 'titles like this one';
REVOKE EXECUTE ON FUNCTION embedding_of(bigint), title_len(bigint) FROM PUBLIC;
ALTER FUNCTION search_docs(real[], integer) SET search_path = public;
DROP FUNCTION IF EXISTS embedding_of(bigint);
DROP FUNCTION search_docs(real[], integer), title_len(bigint);
