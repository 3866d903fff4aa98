CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE c (id int, e vector(3));
