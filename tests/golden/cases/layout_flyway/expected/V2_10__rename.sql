-- migc 0.1.0: generated from input/V2_10__rename.sql for profile v1.0-novector; do not edit
-- migc: source sha256 49b3c6053eeecde2d6ed161f1ce77bd64ff63943e7e9e13996e24df34799555d
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE ${schema}.docs RENAME COLUMN source TO origin;
