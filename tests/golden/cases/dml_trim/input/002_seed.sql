INSERT INTO docs (id, title, embedding, score) VALUES
    (1, 'one', '[1,0,0]', 0.5),
    (2, 'two', '[0,1,0]', 0.25),
    (3, 'three', NULL, 1);
INSERT INTO docs (embedding, id, title) VALUES ('[1,1,1]', 4, 'four');
INSERT INTO docs (id, title, embedding) VALUES (5, 'five', '[0,0,1]'::vector);
INSERT INTO docs (id, title) VALUES (6, 'six');
UPDATE docs SET embedding = '[0,0,0]', score = 2 WHERE id = 3;
UPDATE docs SET score = score + 1, embedding = NULL;
UPDATE docs SET embedding = NULL WHERE id = 4;
DELETE FROM docs WHERE embedding IS NULL AND id > 100;
DELETE FROM docs WHERE id = 6;
UPDATE docs SET title = 'far' WHERE embedding <-> '[1,1,1]' > 1;
