-- 015_create_workflow_catalog_table.sql
--
-- Workflow catalog (DD-STORAGE-008): remediation workflows are versioned
-- documents; the AI analysis picks one by semantic search over an embedding
-- of the workflow's title, description and the signals it handles.
--
-- A workflow is identified by (workflow_name, version); exactly one version
-- per name is flagged as latest.

CREATE TABLE remediation_workflows (
    workflow_name           TEXT        NOT NULL,
    version                 TEXT        NOT NULL,
    title                   TEXT        NOT NULL,
    description             TEXT        NOT NULL,
    owner                   TEXT,
    maintainer              TEXT,
    content                 TEXT        NOT NULL,
    content_hash            CHAR(64)    NOT NULL,
    execution_bundle        TEXT,
    parameters              JSONB       NOT NULL DEFAULT '[]'::jsonb,
    embedding               vector(384),
    status                  TEXT        NOT NULL DEFAULT 'active',
    disabled_at             TIMESTAMPTZ,
    disabled_by             TEXT,
    disabled_reason         TEXT,
    is_latest_version       BOOLEAN     NOT NULL DEFAULT false,
    previous_version        TEXT,
    total_executions        INTEGER     NOT NULL DEFAULT 0,
    successful_executions   INTEGER     NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by              TEXT,
    CONSTRAINT pk_remediation_workflows PRIMARY KEY (workflow_name, version),
    CONSTRAINT chk_remediation_workflows_status
        CHECK (status IN ('active', 'disabled', 'deprecated', 'archived')),
    CONSTRAINT chk_remediation_workflows_executions
        CHECK (total_executions >= 0
               AND successful_executions BETWEEN 0 AND total_executions),
    CONSTRAINT chk_remediation_workflows_content_hash
        CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT chk_remediation_workflows_disabled
        CHECK (status <> 'disabled' OR disabled_at IS NOT NULL)
);

CREATE UNIQUE INDEX uq_remediation_workflows_latest
    ON remediation_workflows (workflow_name)
    WHERE is_latest_version;
CREATE INDEX idx_remediation_workflows_status
    ON remediation_workflows (status, updated_at DESC);
CREATE INDEX idx_remediation_workflows_execution_bundle
    ON remediation_workflows (execution_bundle)
    WHERE execution_bundle IS NOT NULL;
CREATE INDEX idx_remediation_workflows_embedding
    ON remediation_workflows
    USING ivfflat (embedding vector_l2_ops)
    WITH (lists = 100);

CREATE TRIGGER trg_remediation_workflows_updated_at
    BEFORE UPDATE ON remediation_workflows
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE remediation_workflows IS
    'Versioned remediation workflow catalog with semantic-search embeddings';
COMMENT ON COLUMN remediation_workflows.embedding IS
    'all-MiniLM-L6-v2 embedding (384 dims) of title, description and handled signals';
COMMENT ON COLUMN remediation_workflows.execution_bundle IS
    'Tekton bundle reference that executes this workflow';

GRANT SELECT ON remediation_workflows TO datastorage_reader;
GRANT SELECT, INSERT, UPDATE ON remediation_workflows TO datastorage_writer;

-- Semantic search: the active workflows closest to a query embedding.
CREATE OR REPLACE FUNCTION search_workflows(
    query_embedding vector(384),
    match_count     INTEGER
)
RETURNS TABLE (
    workflow_name TEXT,
    version       TEXT,
    title         TEXT,
    similarity    DOUBLE PRECISION
)
LANGUAGE sql
STABLE
AS $$
    SELECT w.workflow_name,
           w.version,
           w.title,
           1 - (w.embedding <=> query_embedding) AS similarity
      FROM remediation_workflows w
     WHERE w.status = 'active'
       AND w.is_latest_version
       AND w.embedding IS NOT NULL
     ORDER BY w.embedding <=> query_embedding
     LIMIT match_count;
$$;

-- Workflows similar to a given one, for "see also" and duplicate detection.
CREATE OR REPLACE FUNCTION find_similar_workflows(
    p_workflow_name TEXT,
    p_version       TEXT,
    p_max_distance  DOUBLE PRECISION DEFAULT 0.5,
    p_limit         INTEGER DEFAULT 5
)
RETURNS TABLE (
    similar_workflow_name TEXT,
    similar_version       TEXT,
    distance              DOUBLE PRECISION
)
LANGUAGE plpgsql
STABLE
AS $fn$
DECLARE
    v_embedding vector(384);
BEGIN
    SELECT w.embedding
      INTO v_embedding
      FROM remediation_workflows w
     WHERE w.workflow_name = p_workflow_name
       AND w.version = p_version;

    IF NOT FOUND THEN
        RAISE EXCEPTION 'workflow %/% does not exist', p_workflow_name, p_version
            USING ERRCODE = 'no_data_found';
    END IF;
    IF v_embedding IS NULL THEN
        RETURN;
    END IF;

    RETURN QUERY
        SELECT w.workflow_name,
               w.version,
               (w.embedding <-> v_embedding)::double precision
          FROM remediation_workflows w
         WHERE w.embedding IS NOT NULL
           AND NOT (w.workflow_name = p_workflow_name AND w.version = p_version)
           AND w.embedding <-> v_embedding <= p_max_distance
         ORDER BY w.embedding <-> v_embedding
         LIMIT p_limit;
END;
$fn$;

COMMENT ON FUNCTION search_workflows(vector, integer) IS
    'Top-N active latest workflows by cosine similarity to query_embedding';
COMMENT ON FUNCTION find_similar_workflows(TEXT, TEXT, DOUBLE PRECISION, INTEGER) IS
    'Workflows within an L2 distance of the given workflow''s embedding';

REVOKE EXECUTE ON FUNCTION search_workflows(vector, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_workflows(vector, integer) TO datastorage_reader;
GRANT EXECUTE ON FUNCTION find_similar_workflows(TEXT, TEXT, DOUBLE PRECISION, INTEGER)
    TO datastorage_reader;

-- Embedding coverage, for the catalog's health endpoint.
CREATE VIEW workflow_embedding_coverage AS
SELECT w.workflow_name,
       w.version,
       w.status,
       w.embedding IS NOT NULL   AS has_embedding,
       vector_dims(w.embedding)  AS embedding_dims,
       w.updated_at
  FROM remediation_workflows w;

COMMENT ON VIEW workflow_embedding_coverage IS
    'Which workflow versions have an embedding, and of which dimension';
GRANT SELECT ON workflow_embedding_coverage TO datastorage_reader;
