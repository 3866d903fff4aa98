-- migc 0.1.0: generated from input/002_more.sql for profile v1.0-novector; do not edit
-- migc: source sha256 f4fee28a0a6ae86e6a024e33528af1d853ad3c15ebf4432e4b5db686d6b8516c
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE docs
    ADD COLUMN lang text
    /* migc: elided ADD COLUMN lang_embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */;
CREATE FUNCTION nearest(q real[], n int) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE
AS $migc$BEGIN RAISE EXCEPTION 'function nearest is not available: argument type vector needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
INSERT INTO docs (id, /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ title) VALUES
    (1, /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ 'one'),
    (2, /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ 'two');
