-- migc 0.1.0: generated from input/003_after.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b0c2749fb9d44d45ad871fdf2dde9761613cafb005aa328af3ba02b1b6ac6cc1
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
ALTER TABLE docs ADD COLUMN lang text;
