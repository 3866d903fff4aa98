-- the new names keep the old decisions
ALTER TABLE signals ALTER COLUMN signal_embedding TYPE vector(768);
COMMENT ON COLUMN signals.signal_embedding IS 'model output';
COMMENT ON COLUMN signals.signal_name IS 'signal name';
DROP INDEX idx_signals_embedding;
CREATE INDEX idx_signals_embedding ON signals USING hnsw (signal_embedding vector_cosine_ops);
ALTER TABLE signals RENAME signal_embedding TO embedding;
ALTER TABLE IF EXISTS signals RENAME COLUMN signal_name TO name;
SELECT id, name FROM signals;
