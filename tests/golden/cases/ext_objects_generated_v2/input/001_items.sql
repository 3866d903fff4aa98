CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE items (
  id integer PRIMARY KEY,
  embedding vector(3),
  pos point,
  tags text,
  bits bit(8)
);
