CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE items (id int PRIMARY KEY, embedding vector(3), label text);
-- a temporary table shadows a permanent one of the same name (pg_temp comes first)
CREATE TABLE scratch (a int);
CREATE TEMP TABLE scratch (b int);
INSERT INTO scratch (b) VALUES (1);
-- a copy through a temporary table keeps the profile's columns, by position
CREATE TEMP TABLE items_copy AS SELECT DISTINCT ON (id) * FROM items ORDER BY id;
DELETE FROM items;
INSERT INTO items SELECT * FROM items_copy;
DROP TABLE items_copy;
-- CREATE TABLE IF NOT EXISTS ... AS of a table that exists does nothing
CREATE TABLE IF NOT EXISTS items AS SELECT id, embedding FROM items;
