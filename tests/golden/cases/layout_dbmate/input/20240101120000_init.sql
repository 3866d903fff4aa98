-- migrate:up
CREATE TABLE docs (id bigserial PRIMARY KEY, title text NOT NULL);

-- migrate:down
DROP TABLE docs;
