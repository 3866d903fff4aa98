UPDATE docs SET embedding = '[1,2,3]' WHERE id = 1;
ALTER TABLE docs ADD COLUMN title text;
