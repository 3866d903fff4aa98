CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title short_text,
    embedding embedding384,
    mood mood
);
COMMENT ON DOMAIN embedding384 IS 'MiniLM vectors';
COMMENT ON TYPE search_hit IS 'one search result';
CREATE INDEX docs_mood ON docs (mood);
