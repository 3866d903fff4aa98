-- migc 0.1.0: generated from input/3_rename.up.sql for profile v1.0-novector; do not edit
-- migc: source sha256 ff2618711c23ec77922e2a091a9f2ca68448555389a6c46ba7fe1691d0408dac
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE docs RENAME COLUMN source TO origin;
