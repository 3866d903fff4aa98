-- migc 0.1.0: generated from input/002_rollback.sql for profile v1.0-novector; do not edit
-- migc: source sha256 2d0c03bac4d3ae6ffecf1375aed92b9a2c17b00125dae8905fd3b143c742e3bd
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- the temporary table ended with the session that made it
INSERT INTO scratch (a) VALUES (1);
BEGIN;
CREATE TABLE trial (x int);
ALTER TABLE items RENAME COLUMN label TO title;
ROLLBACK;
-- rolled back: trial does not exist, and the column keeps its name
CREATE TABLE trial (y int);
COMMENT ON COLUMN items.label IS 'not renamed';
