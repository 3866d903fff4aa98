-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 05d4aca13b0f8d8a69cfd9b6328f88e59685c9ab0dbb3e00f4e4961a9aded057
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE alerts (
    id bigint PRIMARY KEY,
    alert_name text NOT NULL
    -- migc: elided column alert_embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
);
CREATE INDEX idx_alerts_name ON alerts (alert_name);
-- migc: elided index idx_alerts_embedding: column alerts.alert_embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
