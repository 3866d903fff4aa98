-- migc 0.1.0: generated from input/002_grants.sql for profile v1.0-novector; do not edit
-- migc: source sha256 7940ed7073c0b20efb0da5856357597f6af02f7d85acd9ad76e43d16d3b85970
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- functions the extensions made, in the schema each CREATE EXTENSION picked
GRANT ALL ON FUNCTION extensions.gtrgm_in(cstring) TO PUBLIC;
REVOKE EXECUTE ON FUNCTION extensions.similarity(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION earth_distance(earth, earth) TO PUBLIC;
-- cube's, created by CASCADE
GRANT EXECUTE ON FUNCTION cube_in(cstring) TO PUBLIC;
