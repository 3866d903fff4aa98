-- 007_add_context_column.sql
--
-- The Context API needs the structured context a pattern was learned from
-- (labels, owner references, recent events), not just its embedding.

ALTER TABLE action_patterns
    ADD COLUMN context         JSONB   NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN context_hash    TEXT,
    ADD COLUMN cluster_name    TEXT    NOT NULL DEFAULT 'default';

ALTER TABLE action_patterns
    ADD CONSTRAINT chk_action_patterns_context_object
        CHECK (jsonb_typeof(context) = 'object');

CREATE INDEX idx_action_patterns_context
    ON action_patterns USING gin (context jsonb_path_ops);

CREATE UNIQUE INDEX uq_action_patterns_context_hash
    ON action_patterns (context_hash)
    WHERE context_hash IS NOT NULL;

COMMENT ON COLUMN action_patterns.context IS
    'Structured context the pattern was learned from (labels, owners, recent events)';
COMMENT ON COLUMN action_patterns.context_hash IS
    'sha256 of the canonicalised context document, used for de-duplication';
