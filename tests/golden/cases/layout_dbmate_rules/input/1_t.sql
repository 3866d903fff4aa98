-- migrate:up transaction:false
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE t (id int, embedding vector(3));
  -- migrate:down (indented: dbmate reads it as a comment of the Up section)
-- +goose Down
CREATE INDEX CONCURRENTLY t_id ON t (id);

-- migrate:down
DROP TABLE t;
