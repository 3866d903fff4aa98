-- migc 0.1.0: generated from input/003_after.sql for profile v1.0-novector; do not edit
-- migc: source sha256 86b6845b8a1234cced385b5dbae2ad12368193c929a39ae2920915cc9ed31d0c
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- the new names keep the old decisions
-- migc: elided ALTER TABLE signals ALTER COLUMN signal_embedding TYPE vector(768): column alerts.alert_embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided COMMENT ON signals.signal_embedding: column alerts.alert_embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
COMMENT ON COLUMN signals.signal_name IS 'signal name';
-- migc: elided DROP index idx_signals_embedding: index idx_alerts_embedding elided: column alerts.alert_embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided index idx_signals_embedding: column alerts.alert_embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided RENAME COLUMN signals.signal_embedding: column alerts.alert_embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TABLE IF EXISTS signals RENAME COLUMN signal_name TO name;
SELECT id, name FROM signals;
