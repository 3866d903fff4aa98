-- migc 0.1.0: generated from input/001_init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 21417042808217ddc5ef66c9782f78a6cfdb4675fe06398d68618117c0f89d7a
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- +goose Up
CREATE TABLE docs (id bigint PRIMARY KEY, title text);

-- +goose Down
DROP TABLE docs;
