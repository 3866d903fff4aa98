SET search_path = app, public;
ALTER TABLE events ALTER COLUMN embedding TYPE vector(4);
ALTER TABLE events_2024 ALTER COLUMN note SET DEFAULT 'n';
CREATE TABLE docs_base (id bigint, embedding vector(3), title text);
CREATE TABLE child (extra int) INHERITS (docs_base);
COMMENT ON COLUMN child.embedding IS 'inherited';
RESET search_path;
COMMENT ON COLUMN app.child.title IS 'inherited title';
