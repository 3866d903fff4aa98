ALTER TABLE ${schema}.docs DROP COLUMN embedding, DROP COLUMN source;
