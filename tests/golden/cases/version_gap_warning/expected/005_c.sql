-- migc 0.1.0: generated from input/005_c.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a708f2caa526dda3caea4d0c4775a8a0ce337715fda85038af0ab3d6ac4981ec
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE c (id int /* migc: elided column e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
