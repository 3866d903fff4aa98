-- migc 0.1.0: generated from input/004_constraints.sql for profile v1.0-novector; do not edit
-- migc: source sha256 6d30cd4f895cafde16afb02f315322469df03261ae99a7bb7dd6552c6f974a01
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE docs /* migc: elided ADD CONSTRAINT docs_embedding_nn: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ ADD CONSTRAINT docs_a_pos CHECK (a > 0);
-- migc: elided ALTER TABLE docs DROP CONSTRAINT docs_embedding_nn: constraint docs_embedding_nn elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TABLE ONLY docs /* migc: elided ALTER COLUMN embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ ALTER COLUMN b SET STORAGE EXTERNAL;
