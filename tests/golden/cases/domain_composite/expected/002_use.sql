-- migc 0.1.0: generated from input/002_use.sql for profile v1.0-novector; do not edit
-- migc: source sha256 78b622fb6d8eca194059e0881d7c8c5d024f50cbc1906ef4e49941256bdf930f
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title short_text,
    -- migc: elided column embedding embedding384: type embedding384 needs extension vector, absent in v1.0-novector
    mood mood
);
-- migc: elided COMMENT ON embedding384: domain embedding384 elided: type vector(384) needs extension vector, absent in v1.0-novector
COMMENT ON TYPE search_hit IS 'one search result';
CREATE INDEX docs_mood ON docs (mood);
