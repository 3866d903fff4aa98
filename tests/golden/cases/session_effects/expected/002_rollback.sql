-- migc 0.1.0: generated from input/002_rollback.sql for profile v1.0-novector; do not edit
-- migc: source sha256 2d0c03bac4d3ae6ffecf1375aed92b9a2c17b00125dae8905fd3b143c742e3bd
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- the temporary table ended with the session that made it
INSERT INTO scratch (a) VALUES (1);
BEGIN;
CREATE TABLE trial (x int);
ALTER TABLE items RENAME COLUMN label TO title;
ROLLBACK;
-- rolled back: trial does not exist, and the column keeps its name
CREATE TABLE trial (y int);
COMMENT ON COLUMN items.label IS 'not renamed';
