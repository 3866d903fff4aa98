-- migc 0.1.0: generated from input/004_constraints.sql for profile v1.0-novector; do not edit
-- migc: source sha256 6d30cd4f895cafde16afb02f315322469df03261ae99a7bb7dd6552c6f974a01
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
ALTER TABLE docs /* migc: elided ADD CONSTRAINT docs_embedding_nn: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ ADD CONSTRAINT docs_a_pos CHECK (a > 0);
-- migc: elided ALTER TABLE docs DROP CONSTRAINT docs_embedding_nn: constraint docs_embedding_nn elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TABLE ONLY docs /* migc: elided ALTER COLUMN embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ ALTER COLUMN b SET STORAGE EXTERNAL;
