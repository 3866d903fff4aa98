ALTER TABLE docs RENAME COLUMN source TO origin;
