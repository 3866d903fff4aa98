-- migc 0.1.0: generated from input/002_uses.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b297918edeaba78f69eb01f734f25ed77962e4ecd796dddd54d1fab8a8bf37c1
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER INDEX accounts_pkey RENAME TO accounts_pk;
ALTER SEQUENCE accounts_id_seq RESTART WITH 100;
GRANT USAGE ON SEQUENCE accounts_owner_id_seq TO PUBLIC;
ALTER TABLE accounts DROP CONSTRAINT accounts_age_check;
ALTER TABLE accounts DROP CONSTRAINT accounts_check;
COMMENT ON INDEX accounts_email_key IS 'one account per address';
ALTER TABLE posts DROP CONSTRAINT posts_account_id_fkey;
COMMENT ON INDEX posts_a_b_key IS 'pair';
COMMENT ON CONSTRAINT posts_pkey ON posts IS 'pk';
ALTER INDEX posts_a_excl RENAME TO posts_a_ex;
COMMENT ON INDEX posts_a_idx1 IS 'second';
COMMENT ON INDEX posts_a_a1_idx IS 'a twice';
COMMENT ON INDEX posts_lower_idx IS 'expression';
ALTER TABLE posts ADD CONSTRAINT posts_b_unique UNIQUE USING INDEX posts_b_idx;
ALTER INDEX posts_b_unique SET (fillfactor = 70);
COMMENT ON INDEX a_table_name_that_is_long_eno_a_column_name_that_is_long_en_key IS 'cut';
COMMENT ON INDEX größentabelle_mit_einem_zieml_größe_mit_umlauten_äöü_key IS 'cut between characters';
