CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title text
);
CREATE TABLE only_vec (id int, e vector(3));
