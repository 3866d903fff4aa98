-- migc 0.1.0: generated from input/003_after.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b0c2749fb9d44d45ad871fdf2dde9761613cafb005aa328af3ba02b1b6ac6cc1
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE docs ADD COLUMN lang text;
