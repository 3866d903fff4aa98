-- functions the extensions made, in the schema each CREATE EXTENSION picked
GRANT ALL ON FUNCTION extensions.gtrgm_in(cstring) TO PUBLIC;
REVOKE EXECUTE ON FUNCTION extensions.similarity(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION earth_distance(earth, earth) TO PUBLIC;
-- cube's, created by CASCADE
GRANT EXECUTE ON FUNCTION cube_in(cstring) TO PUBLIC;
