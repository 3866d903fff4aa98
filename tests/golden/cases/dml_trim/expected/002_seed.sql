-- migc 0.1.0: generated from input/002_seed.sql for profile v1.0-novector; do not edit
-- migc: source sha256 134f8f70748587c84a859c11ed85c461b3e48205785e754b0cf233e513896a9e
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
INSERT INTO docs (id, title, /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ score) VALUES
    (1, 'one', /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ 0.5),
    (2, 'two', /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ 0.25),
    (3, 'three', /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ 1);
INSERT INTO docs (/* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ id, title) VALUES (/* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ 4, 'four');
INSERT INTO docs (id, title /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */) VALUES (5, 'five' /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */);
INSERT INTO docs (id, title) VALUES (6, 'six');
UPDATE docs SET /* migc: elided SET embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ score = 2 WHERE id = 3;
UPDATE docs SET score = score + 1 /* migc: elided SET embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */;
-- migc: elided UPDATE docs: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided DELETE FROM docs: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
DELETE FROM docs WHERE id = 6;
-- migc: elided UPDATE docs: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
