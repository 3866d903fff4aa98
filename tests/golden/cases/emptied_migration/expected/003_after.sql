-- migc 0.1.0: generated from input/003_after.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b0c2749fb9d44d45ad871fdf2dde9761613cafb005aa328af3ba02b1b6ac6cc1
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
ALTER TABLE docs ADD COLUMN lang text;
