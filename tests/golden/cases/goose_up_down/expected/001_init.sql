-- migc 0.1.0: generated from input/001_init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 21417042808217ddc5ef66c9782f78a6cfdb4675fe06398d68618117c0f89d7a
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
-- +goose Up
CREATE TABLE docs (id bigint PRIMARY KEY, title text);

-- +goose Down
DROP TABLE docs;
