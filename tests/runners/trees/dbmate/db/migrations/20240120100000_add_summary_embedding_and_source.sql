-- migrate:up
-- The summary embedding and the page a document was imported from arrive
-- together in one statement.
ALTER TABLE documents
    ADD COLUMN summary_embedding vector(768),
    ADD COLUMN source_url text,
    ALTER COLUMN title SET DEFAULT 'untitled';

-- migrate:down
ALTER TABLE documents
    DROP COLUMN source_url,
    DROP COLUMN summary_embedding,
    ALTER COLUMN title DROP DEFAULT;
