-- migc 0.1.0: generated from input/V2_10__rename.sql for profile v1.0-novector; do not edit
-- migc: source sha256 49b3c6053eeecde2d6ed161f1ce77bd64ff63943e7e9e13996e24df34799555d
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
ALTER TABLE ${schema}.docs RENAME COLUMN source TO origin;
