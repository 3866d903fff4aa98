-- migc 0.1.0: generated from input/001_copy.sql for profile v1.0-novector; do not edit
-- migc: source sha256 1972f0ead59b8d77ad9471164ea8cf515f28c32fd6cfb9ff2df36414bd7b4347
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE items (id int PRIMARY KEY, /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ label text);
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
-- migc: elided table items: column items.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
