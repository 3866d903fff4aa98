-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 05d4aca13b0f8d8a69cfd9b6328f88e59685c9ab0dbb3e00f4e4961a9aded057
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE alerts (
    id bigint PRIMARY KEY,
    alert_name text NOT NULL
    -- migc: elided column alert_embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
);
CREATE INDEX idx_alerts_name ON alerts (alert_name);
-- migc: elided index idx_alerts_embedding: column alerts.alert_embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
