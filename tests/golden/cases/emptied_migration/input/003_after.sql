ALTER TABLE docs ADD COLUMN lang text;
