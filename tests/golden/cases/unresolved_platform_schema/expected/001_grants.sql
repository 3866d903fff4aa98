-- migc 0.1.0: generated from input/001_grants.sql for profile v1.0-novector; do not edit
-- migc: source sha256 634204e0ed1b12cc6a0583ef6268594055d12842e8c87460a7455b56212a91b4
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- auth and storage are the platform's schemas (Supabase): the tree never creates them
GRANT SELECT ON auth.users TO authenticated;
COMMENT ON TABLE storage.objects IS 'files';
CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id), avatar text);
