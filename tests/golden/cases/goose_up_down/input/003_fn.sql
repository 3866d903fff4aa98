-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION nearest(q vector, n int) RETURNS SETOF bigint LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY SELECT id FROM docs ORDER BY embedding <-> q LIMIT n;
END;
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP FUNCTION nearest(vector, int);
-- +goose StatementEnd
