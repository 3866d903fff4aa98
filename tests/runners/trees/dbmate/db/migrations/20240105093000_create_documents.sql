-- migrate:up
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE documents (
    id          bigserial PRIMARY KEY,
    workspace_id bigint NOT NULL,
    title       text NOT NULL,
    body        text NOT NULL DEFAULT '',
    embedding   vector(1536),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX documents_workspace_id_idx ON documents (workspace_id);

COMMENT ON COLUMN documents.embedding IS 'text-embedding-3-small, 1536 dimensions';

-- migrate:down
DROP TABLE documents;
DROP EXTENSION IF EXISTS vector;
