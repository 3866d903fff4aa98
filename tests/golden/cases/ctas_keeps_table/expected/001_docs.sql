-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 480e81b3dc2d7adb7b9d621d651e2c778cf6681bc1d234d6a3e0aa1403ff4304
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector

CREATE TABLE docs (id integer PRIMARY KEY, title text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);

INSERT INTO docs (id, title /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */) VALUES (1, 'a' /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */), (2, 'b' /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */);
