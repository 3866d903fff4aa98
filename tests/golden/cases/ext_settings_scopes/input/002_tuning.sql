ALTER ROLE CURRENT_USER SET hnsw.ef_search = 200;

ALTER ROLE CURRENT_USER RESET ivfflat.probes;

ALTER ROLE CURRENT_USER SET work_mem = '32MB';

ALTER FUNCTION search_docs(text) SET hnsw.ef_search = 40;

ALTER FUNCTION search_docs(text) SET work_mem = '16MB';

SELECT set_config('hnsw.ef_search', '64', false);

SELECT set_config('application_name', 'migrations', false);

ALTER DATABASE docs_app SET ivfflat.probes = 5;
