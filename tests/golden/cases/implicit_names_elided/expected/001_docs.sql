-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 8b803abaf2f6e4b97ed3c46555e5cbf93a6a4c995c1aab6cda3cc33cd6541f11
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (
    id int PRIMARY KEY
    -- migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
    -- migc: elided constraint: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
);
