CREATE EXTENSION IF NOT EXISTS vector;
CREATE ROLE rls_reader NOLOGIN;
CREATE TABLE docs (id int PRIMARY KEY, owner text, embedding vector(3));
ALTER TABLE docs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
-- permissive: eliding it narrows access, a warning
CREATE POLICY docs_with_embedding ON docs FOR SELECT TO rls_reader USING (embedding IS NOT NULL);
CREATE POLICY docs_own ON docs FOR ALL TO rls_reader USING (owner = current_user);
