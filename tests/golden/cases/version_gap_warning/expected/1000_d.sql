-- migc 0.1.0: generated from input/1000_d.sql for profile v1.0-novector; do not edit
-- migc: source sha256 6072af31e104d6d400ddfab7eba81784e2d7b7fdb6f8b207504a896200f88708
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE c ADD COLUMN n text;
