-- migc 0.1.0: generated from input/002_add.sql for profile v1.0-novector; do not edit
-- migc: source sha256 abdee572494c220b8fd6662df156c9de7e3aca0d201ad1fe0e5b35492f1f1d81
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE docs ADD COLUMN a int, /* migc: elided ADD COLUMN embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ ADD COLUMN b text;
ALTER TABLE docs /* migc: elided ADD COLUMN e2 vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ ADD COLUMN c int;
ALTER TABLE docs ADD COLUMN d int /* migc: elided ADD COLUMN e3 halfvec(3): type halfvec(3) needs extension vector, absent in v1.0-novector */;
ALTER TABLE docs
    ADD COLUMN summary text,
    -- the summary's embedding
    -- migc: elided ADD COLUMN summary_embedding vector(384): type vector(384) needs extension vector, absent in v1.0-novector
    ADD COLUMN score real;
-- migc: elided ALTER TABLE docs ADD COLUMN only_one vector(3): type vector(3) needs extension vector, absent in v1.0-novector
