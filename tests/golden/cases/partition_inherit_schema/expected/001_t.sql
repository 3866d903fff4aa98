-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 2196ae067dd75ade7af16bd6086fa754012b3bdfcb106a05137123f2fe18c2c3
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE SCHEMA app;
CREATE TABLE app.events (
    id bigint,
    at date NOT NULL,
    -- migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
    note text
) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- migc: elided index events_2024_emb: column app.events.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided COMMENT ON events_2024.embedding: column app.events.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
