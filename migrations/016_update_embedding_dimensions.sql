-- 016_update_embedding_dimensions.sql
--
-- Move the workflow catalog to the 768-dim all-mpnet-base-v2 model, like
-- action_patterns in 009.  384-dim embeddings cannot be converted: they are
-- cleared and the catalog re-embedding job (make reembed-workflows)
-- repopulates them after deploy.
--
-- Dependent objects are dropped and recreated around the type change:
-- the coverage view (a column used by a view cannot change type), the ANN
-- index (now HNSW on cosine distance, matching search_workflows) and the
-- search function, whose argument now has the new dimension.

DROP VIEW IF EXISTS workflow_embedding_coverage;

DROP INDEX IF EXISTS idx_remediation_workflows_embedding;

UPDATE remediation_workflows
   SET embedding = NULL
 WHERE embedding IS NOT NULL;

ALTER TABLE remediation_workflows ALTER COLUMN embedding TYPE vector(768);

CREATE INDEX idx_remediation_workflows_embedding
    ON remediation_workflows
    USING hnsw (embedding vector_cosine_ops)
    WITH (m = 16, ef_construction = 64);

COMMENT ON COLUMN remediation_workflows.embedding IS
    'all-mpnet-base-v2 embedding (768 dims) of title, description and handled signals';

DROP FUNCTION IF EXISTS search_workflows(vector, integer);

CREATE OR REPLACE FUNCTION search_workflows(
    query_embedding vector(768),
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

COMMENT ON FUNCTION search_workflows(vector, integer) IS
    'Top-N active latest workflows by cosine similarity to a 768-dim query_embedding';
REVOKE EXECUTE ON FUNCTION search_workflows(vector, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_workflows(vector, integer) TO datastorage_reader;

-- Same signature, new local variable dimension and cosine distance.
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
    v_embedding vector(768);
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
               cosine_distance(w.embedding, v_embedding)
          FROM remediation_workflows w
         WHERE w.embedding IS NOT NULL
           AND NOT (w.workflow_name = p_workflow_name AND w.version = p_version)
           AND cosine_distance(w.embedding, v_embedding) <= p_max_distance
         ORDER BY w.embedding <=> v_embedding
         LIMIT p_limit;
END;
$fn$;

COMMENT ON FUNCTION find_similar_workflows(TEXT, TEXT, DOUBLE PRECISION, INTEGER) IS
    'Workflows within a cosine distance of the given workflow''s embedding';

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
