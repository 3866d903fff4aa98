ALTER TABLE docs ADD COLUMN summary text;
