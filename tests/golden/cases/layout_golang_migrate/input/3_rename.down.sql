ALTER TABLE docs RENAME COLUMN origin TO source;
