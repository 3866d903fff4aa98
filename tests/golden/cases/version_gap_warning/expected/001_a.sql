-- migc 0.1.0: generated from input/001_a.sql for profile v1.0-novector; do not edit
-- migc: source sha256 c2de7559380e5ebf65caa7d59e166558e80243cf7e70006cc98d1593d94203c1
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE a (id int);
