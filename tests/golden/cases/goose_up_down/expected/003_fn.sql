-- migc 0.1.0: generated from input/003_fn.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b736072f59d8af33649df8d4e5f115b5f164438569a8c3656b9c241e0735ea60
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION nearest(q real[], n int) RETURNS SETOF bigint LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function nearest is not available: argument type vector needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP FUNCTION nearest(real[], int);
-- +goose StatementEnd
