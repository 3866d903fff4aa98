-- migc 0.1.0: generated from input/3_rename.up.sql for profile v1.0-novector; do not edit
-- migc: source sha256 ff2618711c23ec77922e2a091a9f2ca68448555389a6c46ba7fe1691d0408dac
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
ALTER TABLE docs RENAME COLUMN source TO origin;
