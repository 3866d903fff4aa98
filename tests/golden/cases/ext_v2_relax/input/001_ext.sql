-- pinned: fails with 22023 on hosts shipping another pgvector
CREATE EXTENSION vector WITH VERSION "0.5.1";
CREATE TABLE docs (id bigint PRIMARY KEY, embedding vector(3));
