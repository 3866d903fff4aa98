-- the temporary table ended with the session that made it
INSERT INTO scratch (a) VALUES (1);
BEGIN;
CREATE TABLE trial (x int);
ALTER TABLE items RENAME COLUMN label TO title;
ROLLBACK;
-- rolled back: trial does not exist, and the column keeps its name
CREATE TABLE trial (y int);
COMMENT ON COLUMN items.label IS 'not renamed';
