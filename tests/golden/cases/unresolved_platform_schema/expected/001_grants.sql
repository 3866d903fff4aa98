-- migc 0.1.0: generated from input/001_grants.sql for profile v1.0-novector; do not edit
-- migc: source sha256 634204e0ed1b12cc6a0583ef6268594055d12842e8c87460a7455b56212a91b4
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- auth and storage are the platform's schemas (Supabase): the tree never creates them
GRANT SELECT ON auth.users TO authenticated;
COMMENT ON TABLE storage.objects IS 'files';
CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id), avatar text);
