CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE alerts (
    id bigint PRIMARY KEY,
    alert_name text NOT NULL,
    alert_embedding vector(3)
);
CREATE INDEX idx_alerts_name ON alerts (alert_name);
CREATE INDEX idx_alerts_embedding ON alerts USING hnsw (alert_embedding vector_l2_ops);
