-- migc 0.1.0: generated from input/V1__t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 6340e0def38dac9746181f1d73bf6ea2e44e9ff34249e02c7c212ed738db4884
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE t (id int);
-- +goose Down
CREATE INDEX t_id ON t (id);
