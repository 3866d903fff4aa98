CREATE TABLE docs (id bigserial PRIMARY KEY, title text NOT NULL);
