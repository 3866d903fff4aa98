CREATE EXTENSION IF NOT EXISTS vector;
CREATE SCHEMA app;
CREATE TABLE app.events (
    id bigint,
    at date NOT NULL,
    embedding vector(3),
    note text
) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_2024_emb ON app.events_2024 USING hnsw (embedding vector_l2_ops);
COMMENT ON COLUMN app.events_2024.embedding IS 'inherited from app.events';
