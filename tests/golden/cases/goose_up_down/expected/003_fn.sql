-- migc 0.1.0: generated from input/003_fn.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b736072f59d8af33649df8d4e5f115b5f164438569a8c3656b9c241e0735ea60
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION nearest(q real[], n int) RETURNS SETOF bigint LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function nearest is not available: argument type vector needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP FUNCTION nearest(real[], int);
-- +goose StatementEnd
