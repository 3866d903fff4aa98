-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 142c08adeb06d55257cdb7e4f1d00785105d205657d5dab837b2e2df03d80dc2
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (id bigint PRIMARY KEY, title text, /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ score real DEFAULT 0);
