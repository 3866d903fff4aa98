-- migc 0.1.0: generated from input/002_use.sql for profile test-column-rule; do not edit
-- migc: source sha256 cd698ec65d503985743c9d9892361da43dd676ea0be5f5d7e57bf4a75cd8c3f7
-- migc: profile test-column-rule sha256 b08b55f00ae1aaaed7b49e259ade6d42b0bd08696e8ee7d1ebd215c11d1b5942
CREATE VIEW docs_plain AS SELECT id, embedding FROM docs;
-- migc: elided view docs_titles: column docs.title_embedding elided: type vector(3) needs extension vector, absent in test-column-rule
CREATE FUNCTION archive_embedded() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM archive WHERE embedding IS NOT NULL $$;
ALTER TABLE other ADD COLUMN note text;
