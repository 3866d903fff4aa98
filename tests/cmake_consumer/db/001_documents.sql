-- Documents and their embeddings.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE documents (
    id         bigserial PRIMARY KEY,
    title      text NOT NULL,
    body       text NOT NULL DEFAULT '',
    embedding  vector(384),
    created_at timestamptz NOT NULL DEFAULT now()
);
