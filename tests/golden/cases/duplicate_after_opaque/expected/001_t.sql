-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 ca4867cd8d34163b6182d1e99bc33301aab1b829030f6a7acc9f94b77c605888
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE items (id bigint PRIMARY KEY);
