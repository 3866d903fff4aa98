-- migc 0.1.0: generated from input/001_base.sql for profile v1.0-novector; do not edit
-- migc: source sha256 fa9ff6c43004f24bd7524f6b4e8d854d7f31401ff6d84f4e33b35ed9c15b5e52
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title text
);
CREATE TABLE only_vec (id int /* migc: elided column e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
