-- migc 0.1.0: generated from input/2-note.sql for profile v1.0-novector; do not edit
-- migc: source sha256 74782c3e83e678142c99fa24a9eec6982666034bd46405268c1a88fbf3014354
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migrate:up
ALTER TABLE t ADD COLUMN note text;
-- migrate:down
