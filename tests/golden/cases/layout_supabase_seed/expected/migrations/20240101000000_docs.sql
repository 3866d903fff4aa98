-- migc 0.1.0: generated from input/migrations/20240101000000_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 405dab3fa68f3f61e1670a9acdd8b1f8c79dec91facacea8a1229355187176c4
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (id int, /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ title text);
