-- migc 0.1.0: generated from input/003_items_again.sql for profile v1.0-novector; do not edit
-- migc: source sha256 324a9f68d170b16d4a2aa41b517fbc9f520b14a6b3c19ba474ff0e38803bb861
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE items (id bigint PRIMARY KEY /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
