-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 43898a2aece6109e4000cd3aceab5ebf20a9090d1637471916813e9b451d7671
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE t (id int, /* migc: elided column x* /y vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ z int);
CREATE TABLE u (
    id int
    -- migc: elided column line break vector(3): type vector(3) needs extension vector, absent in v1.0-novector
);
-- migc: elided index idx* /evil: column t.x* /y elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided index idx nl: column u.line break elided: type vector(3) needs extension vector, absent in v1.0-novector
INSERT INTO t (id, /* migc: elided column x* /y: column t.x* /y elided: type vector(3) needs extension vector, absent in v1.0-novector */ z) VALUES (1, /* migc: elided column x* /y: column t.x* /y elided: type vector(3) needs extension vector, absent in v1.0-novector */ 2);
