-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 48d3d94bd66657a2db3074e7915bb8668f0fb1ceca45ad450d6d79490fc623b1
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE docs (id bigint PRIMARY KEY, title text);
