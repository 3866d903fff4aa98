COMMENT ON COLUMN t.b IS 'added by the DO block in 002';
