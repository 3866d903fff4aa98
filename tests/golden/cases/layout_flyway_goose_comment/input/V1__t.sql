CREATE TABLE t (id int);
-- +goose Down
CREATE INDEX t_id ON t (id);
