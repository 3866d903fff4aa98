-- migc 0.1.0: generated from input/005_c.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a708f2caa526dda3caea4d0c4775a8a0ce337715fda85038af0ab3d6ac4981ec
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE c (id int /* migc: elided column e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
