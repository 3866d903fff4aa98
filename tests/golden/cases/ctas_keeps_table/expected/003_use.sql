-- migc 0.1.0: generated from input/003_use.sql for profile v1.0-novector; do not edit
-- migc: source sha256 8e2bcd2ed740d7d1cd0ca45204b9302fca3d300494f34b99f6ab47ccf4b4e995
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
SELECT id, title FROM docs_archive;

-- migc: elided SELECT: column docs_archive.embedding elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector

SELECT id, name FROM docs_dims;

-- migc: elided SELECT: column docs_scored.distance elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
