-- migc 0.1.0: generated from input/002_fn.sql for profile v1.0-novector; do not edit
-- migc: source sha256 bdcba37dd8ce94df77c7fdb2bbeb1cdc4c55673fad1363a583e980e6e01f180a
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- SQL function taking a vector
CREATE OR REPLACE FUNCTION search_docs(query_embedding real[], match_count integer DEFAULT 5)
RETURNS TABLE (id bigint, title text, similarity double precision)
LANGUAGE plpgsql STABLE
AS $migc$BEGIN RAISE EXCEPTION 'function search_docs is not available: argument type vector(3) needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;

-- PL/pgSQL function with plain signature whose body uses the extension
CREATE FUNCTION similar_titles(p_title text, p_limit int)
RETURNS SETOF text
AS $migc$BEGIN RAISE EXCEPTION 'function similar_titles is not available: type vector needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$ LANGUAGE plpgsql;

-- returns a vector
CREATE FUNCTION embedding_of(bigint) RETURNS real[] LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function embedding_of is not available: return type vector needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;

-- clean: kept byte for byte
CREATE FUNCTION title_len(p_id bigint) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
    RETURN length(title_of(p_id));
END $$;
