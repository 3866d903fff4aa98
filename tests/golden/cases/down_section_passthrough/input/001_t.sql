-- +goose Up
CREATE TABLE t (a int);
-- +goose Down
-- never ran: a typo PostgreSQL would refuse
DROP TABLE t t;
