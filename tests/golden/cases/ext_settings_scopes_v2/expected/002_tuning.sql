-- migc 0.1.0: generated from input/002_tuning.sql for profile v2.0-vector; do not edit
-- migc: source sha256 f90b1e950b5356907b4998b048e62af36b18c2039eca81b49d34f6b75601ec9b
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
ALTER ROLE CURRENT_USER SET hnsw.ef_search = 200;

ALTER ROLE CURRENT_USER RESET ivfflat.probes;

ALTER ROLE CURRENT_USER SET work_mem = '32MB';

ALTER FUNCTION search_docs(text) SET hnsw.ef_search = 40;

ALTER FUNCTION search_docs(text) SET work_mem = '16MB';

SELECT set_config('hnsw.ef_search', '64', false);

SELECT set_config('application_name', 'migrations', false);
