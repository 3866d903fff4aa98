-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 d4b449eaa3f883a23fb4f665e879031dd9a1e5fb202dc602df8010a9c7f449b5
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector

CREATE TABLE docs (id integer PRIMARY KEY, title text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
