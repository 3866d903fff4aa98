-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 8fe98f92b304752ea628df6a32820d45a75f135127cdb0363cdfade702b28aad
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
 SELECT 1;
CREATE TABLE docs (id int, title text /* migc: elided column e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */); -- migc: elided index d_e: column docs.e elided: type vector(3) needs extension vector, absent in v1.0-novector
 CREATE INDEX d_t ON docs (title);
SELECT 2; -- migc: elided index d_e2: column docs.e elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided COMMENT ON docs.e: column docs.e elided: type vector(3) needs extension vector, absent in v1.0-novector
 COMMENT ON COLUMN docs.title IS $c$title; */ /* $c$;
-- migc: elided index d_e3: column docs.e elided: type vector(3) needs extension vector, absent in v1.0-novector
