-- migc 0.1.0: generated from input/001_builtins.sql for profile v1.0-novector; do not edit
-- migc: source sha256 92dd2b3bbfdc537694b5243456107a20d839830cb2dd32fbd8006e1ce6aa33ba
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- PostgreSQL's own objects resolve from data read off a real server's catalogs
CREATE TABLE docs (id int PRIMARY KEY, body text, updated timestamptz);
CREATE TRIGGER docs_same BEFORE UPDATE ON docs FOR EACH ROW
    EXECUTE FUNCTION suppress_redundant_updates_trigger();
GRANT EXECUTE ON FUNCTION now() TO PUBLIC;
GRANT EXECUTE ON FUNCTION pg_catalog.lower(text) TO PUBLIC;
GRANT SELECT ON pg_catalog.pg_class TO PUBLIC;
GRANT SELECT ON information_schema.columns TO PUBLIC;
