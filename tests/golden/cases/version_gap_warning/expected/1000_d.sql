-- migc 0.1.0: generated from input/1000_d.sql for profile v1.0-novector; do not edit
-- migc: source sha256 6072af31e104d6d400ddfab7eba81784e2d7b7fdb6f8b207504a896200f88708
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
ALTER TABLE c ADD COLUMN n text;
