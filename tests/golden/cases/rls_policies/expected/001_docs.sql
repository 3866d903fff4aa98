-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 05014aa8eeacbd0ed194d6f34cc0183465fd82cbee51ad955f483517891052d0
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE ROLE reader NOLOGIN;
CREATE TABLE docs (id int PRIMARY KEY, owner text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
-- permissive: eliding it narrows access, a warning
-- migc: elided CREATE POLICY docs_with_embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE POLICY docs_own ON docs FOR ALL TO reader USING (owner = current_user);
