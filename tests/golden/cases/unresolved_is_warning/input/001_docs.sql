CREATE TABLE docs (id bigint PRIMARY KEY, title text);
