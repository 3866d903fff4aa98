-- +goose Up
CREATE TABLE docs (id bigint PRIMARY KEY, title text);

-- +goose Down
DROP TABLE docs;
