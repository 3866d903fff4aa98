CREATE TABLE docs (id bigint PRIMARY KEY);
-- only the missing extension's error (0A000 on PostgreSQL 15 now, 58P01 before)
-- is caught; the handler's CASE
-- statement and its END CASE are not the block's END
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS vector;
  ALTER TABLE docs ADD COLUMN embedding vector(3);
EXCEPTION
  WHEN feature_not_supported OR undefined_file THEN
    CASE WHEN current_setting('server_version_num')::int >= 150000 THEN
      RAISE NOTICE 'pgvector is not installed';
    ELSE
      RAISE NOTICE 'pgvector is not installed (old server)';
    END CASE;
END $$;
ALTER TABLE docs ADD COLUMN title text;
