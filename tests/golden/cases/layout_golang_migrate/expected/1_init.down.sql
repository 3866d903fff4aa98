-- migc 0.1.0: generated from input/1_init.down.sql for profile v1.0-novector; do not edit
-- migc: source sha256 99c9ccb8febdbd17e947825b5ac501c923b54de43fdacb52903d81e0b759bf3f
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
DROP TABLE docs;
