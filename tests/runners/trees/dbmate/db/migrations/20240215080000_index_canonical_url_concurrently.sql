-- migrate:up transaction:false
-- Built without locking writes on a large table: cannot run in a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS documents_canonical_url_idx
    ON documents (canonical_url);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS documents_canonical_url_idx;
