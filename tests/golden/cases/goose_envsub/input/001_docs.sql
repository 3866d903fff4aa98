-- +goose Up
-- +goose ENVSUB ON
CREATE TABLE ${APP_SCHEMA}.docs (
    id bigint PRIMARY KEY,
    embedding vector(${EMBEDDING_DIMS}),
    title text
);
-- +goose Down
DROP TABLE ${APP_SCHEMA}.docs;
-- +goose ENVSUB OFF
