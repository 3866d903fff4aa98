INSERT INTO docs (id, embedding, title) VALUES (1, '[1,2,3]', 'a');
