-- migc 0.1.0: generated from input/001_base.sql for profile v1.0-novector; do not edit
-- migc: source sha256 fa9ff6c43004f24bd7524f6b4e8d854d7f31401ff6d84f4e33b35ed9c15b5e52
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title text
);
CREATE TABLE only_vec (id int /* migc: elided column e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
