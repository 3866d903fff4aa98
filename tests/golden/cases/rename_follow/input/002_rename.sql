-- alert -> signal
ALTER TABLE alerts RENAME TO signals;
ALTER TABLE signals RENAME COLUMN alert_name TO signal_name;
ALTER TABLE signals RENAME COLUMN alert_embedding TO signal_embedding;
ALTER INDEX idx_alerts_name RENAME TO idx_signals_name;
ALTER INDEX idx_alerts_embedding RENAME TO idx_signals_embedding;
ALTER TABLE signals RENAME CONSTRAINT alerts_pkey TO signals_pkey;
