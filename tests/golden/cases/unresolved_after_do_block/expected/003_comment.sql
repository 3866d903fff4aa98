-- migc 0.1.0: generated from input/003_comment.sql for profile v1.0-novector; do not edit
-- migc: source sha256 c7f877ee94e89bbdc1866a79e278f1cf4bb7cd5db2f8b3f3e065c3b476926a24
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
COMMENT ON COLUMN t.b IS 'added by the DO block in 002';
