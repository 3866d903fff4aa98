-- migc 0.1.0: generated from input/1000_d.sql for profile v1.0-novector; do not edit
-- migc: source sha256 6072af31e104d6d400ddfab7eba81784e2d7b7fdb6f8b207504a896200f88708
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
ALTER TABLE c ADD COLUMN n text;
