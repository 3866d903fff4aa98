CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE a (
    id bigint, -- key, not null later
    embedding vector(3) -- last, after a comment with a comma
);
CREATE TABLE b (
    id bigint,
    e1 vector(3),
    e2 vector(3)
);
CREATE TABLE c (
    e1 vector(3),
    e2 halfvec(4),
    id bigint
);
CREATE TABLE "Mixed Case" ("Embedding" vector(3), "Id" int);
