-- migc 0.1.0: generated from input/V1__t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 6340e0def38dac9746181f1d73bf6ea2e44e9ff34249e02c7c212ed738db4884
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE t (id int);
-- +goose Down
CREATE INDEX t_id ON t (id);
