-- migc 0.1.0: generated from input/003_use.sql for profile v2.0-vector; do not edit
-- migc: source sha256 8e2bcd2ed740d7d1cd0ca45204b9302fca3d300494f34b99f6ab47ccf4b4e995
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
SELECT id, title FROM docs_archive;

SELECT embedding FROM docs_archive;

SELECT id, name FROM docs_dims;

SELECT distance FROM docs_scored;
