-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 aa2fe90a5988b544594bc1ee73b94c9864057364af74467181a36d9606249b01
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title text,
    -- migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
    tags text[]
);
