-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 48d3d94bd66657a2db3074e7915bb8668f0fb1ceca45ad450d6d79490fc623b1
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
CREATE TABLE docs (id bigint PRIMARY KEY, title text);
