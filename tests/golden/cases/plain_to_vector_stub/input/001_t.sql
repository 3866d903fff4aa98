CREATE TABLE docs (id bigint PRIMARY KEY, features real[]);
