CREATE TABLE docs (
    id bigint PRIMARY KEY,
    embedding vector(3) DEFAULT '[0,0,0]'::vector
);
INSERT INTO docs (id, embedding) VALUES (1, '[1,2,3]'), (2, '[4,5,6]'::vector(3));
UPDATE docs SET embedding = '[0,0,1]' WHERE id = 1;
ALTER TABLE docs ALTER COLUMN embedding SET DEFAULT '[1,1,1]';
CREATE TABLE items (id int, features real[]);
ALTER TABLE items ALTER COLUMN features TYPE vector(3) USING features::vector(3);
