-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a14ae4fa3306e17abb4495523e477340174a089499d137f04d13394218f46aa6
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE a (
    id bigint -- key, not null later
    -- migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector -- last, after a comment with a comma
);
CREATE TABLE b (
    id bigint
    -- migc: elided column e1 vector(3): type vector(3) needs extension vector, absent in v1.0-novector
    -- migc: elided column e2 vector(3): type vector(3) needs extension vector, absent in v1.0-novector
);
CREATE TABLE c (
    -- migc: elided column e1 vector(3): type vector(3) needs extension vector, absent in v1.0-novector
    -- migc: elided column e2 halfvec(4): type halfvec(4) needs extension vector, absent in v1.0-novector
    id bigint
);
CREATE TABLE "Mixed Case" (/* migc: elided column Embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ "Id" int);
