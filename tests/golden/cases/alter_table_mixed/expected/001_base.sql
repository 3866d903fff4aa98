-- migc 0.1.0: generated from input/001_base.sql for profile v1.0-novector; do not edit
-- migc: source sha256 fa9ff6c43004f24bd7524f6b4e8d854d7f31401ff6d84f4e33b35ed9c15b5e52
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title text
);
CREATE TABLE only_vec (id int /* migc: elided column e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
