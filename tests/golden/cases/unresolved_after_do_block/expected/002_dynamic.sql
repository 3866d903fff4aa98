-- migc 0.1.0: generated from input/002_dynamic.sql for profile v1.0-novector; do not edit
-- migc: source sha256 69dbcc5c7573fa3880091a07d23a65889f3beeaed76d88288c0b0a733343f088
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
DO $$
BEGIN
  EXECUTE format('ALTER TABLE t ADD COLUMN %I integer', 'b');
END
$$;
