-- migrate:up
ALTER TABLE documents RENAME COLUMN source_url TO canonical_url;
UPDATE documents SET canonical_url = NULL WHERE canonical_url = '';

-- migrate:down
ALTER TABLE documents RENAME COLUMN canonical_url TO source_url;
