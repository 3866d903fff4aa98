CREATE VIEW docs_plain AS SELECT id, embedding FROM docs;
CREATE VIEW docs_titles AS SELECT id, title_embedding FROM docs;
CREATE FUNCTION archive_embedded() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM archive WHERE embedding IS NOT NULL $$;
ALTER TABLE other ADD COLUMN note text;
