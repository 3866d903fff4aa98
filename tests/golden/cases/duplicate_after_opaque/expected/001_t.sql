-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 ca4867cd8d34163b6182d1e99bc33301aab1b829030f6a7acc9f94b77c605888
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE items (id bigint PRIMARY KEY);
