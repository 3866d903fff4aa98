-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 8eb2bd4e57466f9aab336f8d24302984e7f2c428bba36ae12ac43c0bb69ca90f
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector

CREATE TABLE places (id integer PRIMARY KEY, pos point /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
