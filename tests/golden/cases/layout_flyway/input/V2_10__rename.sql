ALTER TABLE ${schema}.docs RENAME COLUMN source TO origin;
