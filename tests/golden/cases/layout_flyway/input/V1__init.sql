CREATE TABLE ${schema}.docs (id bigserial PRIMARY KEY, title text NOT NULL);
