-- migc 0.1.0: generated from input/002_use.sql for profile v1.0-novector; do not edit
-- migc: source sha256 78b622fb6d8eca194059e0881d7c8c5d024f50cbc1906ef4e49941256bdf930f
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title short_text,
    -- migc: elided column embedding embedding384: type embedding384 needs extension vector, absent in v1.0-novector
    mood mood
);
-- migc: elided COMMENT ON embedding384: domain embedding384 elided: type vector(384) needs extension vector, absent in v1.0-novector
COMMENT ON TYPE search_hit IS 'one search result';
CREATE INDEX docs_mood ON docs (mood);
