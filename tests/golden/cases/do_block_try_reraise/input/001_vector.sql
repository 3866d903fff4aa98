CREATE TABLE docs (id bigint PRIMARY KEY);
-- the handler raises the failure again: the migration fails without pgvector
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS vector;
  EXCEPTION
    WHEN OTHERS THEN
      RAISE NOTICE 'cannot install pgvector';
      RAISE;
  END;
END $$;
