-- migc 0.1.0: generated from input/001_settings.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b06762760104261b3f25beba54cb6adf9ede99109eb228816445e84ca7a4757d
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE items (id bigint PRIMARY KEY /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
-- migc: elided SET hnsw.ef_search: setting hnsw.ef_search belongs to extension vector, absent in v1.0-novector (PostgreSQL would keep it as a placeholder that nothing reads)
-- migc: elided SET LOCAL ivfflat.probes: setting ivfflat.probes belongs to extension vector, absent in v1.0-novector (PostgreSQL would keep it as a placeholder that nothing reads)
-- migc: elided SHOW hnsw.ef_search: setting hnsw.ef_search belongs to extension vector, absent in v1.0-novector (PostgreSQL would keep it as a placeholder that nothing reads)
-- migc: elided RESET hnsw.ef_search: setting hnsw.ef_search belongs to extension vector, absent in v1.0-novector (PostgreSQL would keep it as a placeholder that nothing reads)
SET statement_timeout = '5s';
