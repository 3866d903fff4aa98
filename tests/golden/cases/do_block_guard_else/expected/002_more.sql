-- migc 0.1.0: generated from input/002_more.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b704e7c232e8de83685cf430f8507273443d78b36db5a99fdc1c4990e2d498a7
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided UPDATE docs: made by a DO block only where extension vector is installed, absent in v1.0-novector
ALTER TABLE docs ADD COLUMN title text;
