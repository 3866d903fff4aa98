-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 0e5467765bc398029d57f323981ed1064d4a096996420fa1ce80d8e5b6216255
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (id bigint PRIMARY KEY, title text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
CREATE INDEX docs_title_idx ON docs (title);
-- migc: elided index docs_embedding_idx: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE INDEX docs_id_title_idx ON docs (id, title);
CREATE VIEW docs_titles AS SELECT id, title FROM docs;
-- migc: elided view docs_vectors: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE TABLE scratch (id int);
