CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id int PRIMARY KEY, owner text, embedding vector(3));
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_all ON docs USING (true);
-- restrictive: eliding it would show the rows it hides
CREATE POLICY docs_only_embedded ON docs AS RESTRICTIVE USING (embedding IS NOT NULL);
