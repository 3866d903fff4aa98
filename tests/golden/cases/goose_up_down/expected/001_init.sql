-- migc 0.1.0: generated from input/001_init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 21417042808217ddc5ef66c9782f78a6cfdb4675fe06398d68618117c0f89d7a
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose Up
CREATE TABLE docs (id bigint PRIMARY KEY, title text);

-- +goose Down
DROP TABLE docs;
