-- auth and storage are the platform's schemas (Supabase): the tree never creates them
GRANT SELECT ON auth.users TO authenticated;
COMMENT ON TABLE storage.objects IS 'files';
CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id), avatar text);
