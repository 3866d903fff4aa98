-- migc 0.1.0: generated from input/seed.sql for profile v1.0-novector; do not edit
-- migc: source sha256 236effbd347fae7f2429f79ea3b5a108bd2f5de656e8255e78035ae7dd50a22d
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
INSERT INTO docs (id, /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ title) VALUES (1, /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ 'a');
