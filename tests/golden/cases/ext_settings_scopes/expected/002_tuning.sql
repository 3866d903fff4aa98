-- migc 0.1.0: generated from input/002_tuning.sql for profile v1.0-novector; do not edit
-- migc: source sha256 fb69f35051d2c7f8b68f6751d8d66d71a86b923c632e02d6824eef54d2b5be09
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided ALTER ROLE ... SET hnsw.ef_search: setting hnsw.ef_search belongs to extension vector, absent in v1.0-novector (PostgreSQL would keep it as a placeholder that nothing reads)

-- migc: elided ALTER ROLE ... RESET ivfflat.probes: setting ivfflat.probes belongs to extension vector, absent in v1.0-novector (PostgreSQL would keep it as a placeholder that nothing reads)

ALTER ROLE CURRENT_USER SET work_mem = '32MB';

-- migc: elided ALTER FUNCTION ... SET hnsw.ef_search: setting hnsw.ef_search belongs to extension vector, absent in v1.0-novector (PostgreSQL would keep it as a placeholder that nothing reads)

ALTER FUNCTION search_docs(text) SET work_mem = '16MB';

-- migc: elided SELECT: setting hnsw.ef_search needs extension vector, absent in v1.0-novector

SELECT set_config('application_name', 'migrations', false);

-- migc: elided ALTER DATABASE ... SET ivfflat.probes: setting ivfflat.probes belongs to extension vector, absent in v1.0-novector (PostgreSQL would keep it as a placeholder that nothing reads)
