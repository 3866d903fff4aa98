-- migrate:up
CREATE TABLE u (id int);
-- migrate:down
DROP TABLE u;
