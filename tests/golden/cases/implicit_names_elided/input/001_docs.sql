CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (
    id int PRIMARY KEY,
    embedding vector(3) UNIQUE,
    CHECK (vector_dims(embedding) = 3)
);
