-- PostgreSQL's own objects resolve from data read off a real server's catalogs
CREATE TABLE docs (id int PRIMARY KEY, body text, updated timestamptz);
CREATE TRIGGER docs_same BEFORE UPDATE ON docs FOR EACH ROW
    EXECUTE FUNCTION suppress_redundant_updates_trigger();
GRANT EXECUTE ON FUNCTION now() TO PUBLIC;
GRANT EXECUTE ON FUNCTION pg_catalog.lower(text) TO PUBLIC;
GRANT SELECT ON pg_catalog.pg_class TO PUBLIC;
GRANT SELECT ON information_schema.columns TO PUBLIC;
