-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector; do not edit
-- migc: source sha256 dfd8f61dff301506b18b6dfacdd2d3201874a1afb3d10aadbb80013176188758
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- +goose Up
-- +goose ENVSUB ON
CREATE TABLE ${APP_SCHEMA}.docs (
    id bigint PRIMARY KEY,
    -- migc: elided column embedding vector(${EMBEDDING_DIMS}): type vector(${EMBEDDING_DIMS}) needs extension vector, absent in v1.0-novector
    title text
);
-- +goose Down
DROP TABLE ${APP_SCHEMA}.docs;
-- +goose ENVSUB OFF
