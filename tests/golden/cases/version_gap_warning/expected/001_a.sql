-- migc 0.1.0: generated from input/001_a.sql for profile v1.0-novector; do not edit
-- migc: source sha256 c2de7559380e5ebf65caa7d59e166558e80243cf7e70006cc98d1593d94203c1
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE a (id int);
