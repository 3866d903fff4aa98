DO $$
BEGIN
  EXECUTE format('ALTER TABLE t ADD COLUMN %I integer', 'b');
END
$$;
