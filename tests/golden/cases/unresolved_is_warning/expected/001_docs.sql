-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 48d3d94bd66657a2db3074e7915bb8668f0fb1ceca45ad450d6d79490fc623b1
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE docs (id bigint PRIMARY KEY, title text);
