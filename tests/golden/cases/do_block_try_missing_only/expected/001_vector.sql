-- migc 0.1.0: generated from input/001_vector.sql for profile v1.0-novector; do not edit
-- migc: source sha256 bb03776d9acc0ba707a7f6ce3c0cfb0c5f6d748eaca3a5f7804ede5e6674316f
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
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
