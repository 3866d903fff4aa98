-- migc 0.1.0: generated from input/002_dynamic.sql for profile v1.0-novector; do not edit
-- migc: source sha256 69dbcc5c7573fa3880091a07d23a65889f3beeaed76d88288c0b0a733343f088
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
DO $$
BEGIN
  EXECUTE format('ALTER TABLE t ADD COLUMN %I integer', 'b');
END
$$;
