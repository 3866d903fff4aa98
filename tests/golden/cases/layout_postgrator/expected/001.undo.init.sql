-- migc 0.1.0: generated from input/001.undo.init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 99c9ccb8febdbd17e947825b5ac501c923b54de43fdacb52903d81e0b759bf3f
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
DROP TABLE docs;
