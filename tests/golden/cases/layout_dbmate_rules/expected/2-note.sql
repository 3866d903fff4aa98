-- migc 0.1.0: generated from input/2-note.sql for profile v1.0-novector; do not edit
-- migc: source sha256 74782c3e83e678142c99fa24a9eec6982666034bd46405268c1a88fbf3014354
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migrate:up
ALTER TABLE t ADD COLUMN note text;
-- migrate:down
