-- migc 0.1.0: generated from input/002_rename.sql for profile v1.0-novector; do not edit
-- migc: source sha256 0080f7af376d7828c23fa7d1878e777b1f64612a45ac33aa412041133c3fcb0d
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- alert -> signal
ALTER TABLE alerts RENAME TO signals;
ALTER TABLE signals RENAME COLUMN alert_name TO signal_name;
-- migc: elided RENAME COLUMN signals.alert_embedding: column alerts.alert_embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER INDEX idx_alerts_name RENAME TO idx_signals_name;
-- migc: elided RENAME index idx_alerts_embedding: index idx_alerts_embedding elided: column alerts.alert_embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TABLE signals RENAME CONSTRAINT alerts_pkey TO signals_pkey;
