CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE docs (id integer PRIMARY KEY, title text, embedding vector(3));

INSERT INTO docs (id, title, embedding) VALUES (1, 'a', '[1,2,3]'), (2, 'b', '[4,5,6]');
