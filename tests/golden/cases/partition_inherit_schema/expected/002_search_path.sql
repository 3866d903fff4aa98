-- migc 0.1.0: generated from input/002_search_path.sql for profile v1.0-novector; do not edit
-- migc: source sha256 4735634f73f0c53e93b52e08e14ccb5a31625fc0509768955d48ee49adc679f4
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
SET search_path = app, public;
-- migc: elided ALTER TABLE events ALTER COLUMN embedding TYPE vector(4): column app.events.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TABLE events_2024 ALTER COLUMN note SET DEFAULT 'n';
CREATE TABLE docs_base (id bigint, /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ title text);
CREATE TABLE child (extra int) INHERITS (docs_base);
-- migc: elided COMMENT ON child.embedding: column app.docs_base.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
RESET search_path;
COMMENT ON COLUMN app.child.title IS 'inherited title';
