-- migc 0.1.0: generated from input/001_types.sql for profile v1.0-novector; do not edit
-- migc: source sha256 e2a2a1cb568cf72d4cb0c17e68eb073d76379717957f05b69d826361fbd9a8df
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
-- every embedding in the system has 384 dimensions
-- migc: elided domain embedding384: type vector(384) needs extension vector, absent in v1.0-novector
CREATE DOMAIN short_text AS text CHECK (length(VALUE) < 100);
-- a search hit: id, score and the matched vector
CREATE TYPE search_hit AS (
    id bigint,
    score real
    -- migc: elided field embedding vector(384): type vector(384) needs extension vector, absent in v1.0-novector
);
CREATE TYPE mood AS ENUM ('happy', 'sad');
