-- migc 0.1.0: generated from input/001_a.sql for profile v1.0-novector; do not edit
-- migc: source sha256 c2de7559380e5ebf65caa7d59e166558e80243cf7e70006cc98d1593d94203c1
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
CREATE TABLE a (id int);
