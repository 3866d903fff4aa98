-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 8032c63eb018bfeb3939a8a24df4ab337338e6ce6b29cc46980c43a6b1d8d07e
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE ROLE rls_reader NOLOGIN;
CREATE TABLE docs (id int PRIMARY KEY, owner text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
-- permissive: eliding it narrows access, a warning
-- migc: elided CREATE POLICY docs_with_embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE POLICY docs_own ON docs FOR ALL TO rls_reader USING (owner = current_user);
