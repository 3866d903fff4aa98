-- migc 0.1.0: generated from input/005_c.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a708f2caa526dda3caea4d0c4775a8a0ce337715fda85038af0ab3d6ac4981ec
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE c (id int /* migc: elided column e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
