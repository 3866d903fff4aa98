CREATE EXTENSION IF NOT EXISTS vector;
-- every embedding in the system has 384 dimensions
CREATE DOMAIN embedding384 AS vector(384);
CREATE DOMAIN short_text AS text CHECK (length(VALUE) < 100);
-- a search hit: id, score and the matched vector
CREATE TYPE search_hit AS (
    id bigint,
    score real,
    embedding vector(384)
);
CREATE TYPE mood AS ENUM ('happy', 'sad');
