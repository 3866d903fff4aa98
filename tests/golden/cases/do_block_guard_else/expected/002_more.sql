-- migc 0.1.0: generated from input/002_more.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b704e7c232e8de83685cf430f8507273443d78b36db5a99fdc1c4990e2d498a7
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided UPDATE docs: made by a DO block only where extension vector is installed, absent in v1.0-novector
ALTER TABLE docs ADD COLUMN title text;
