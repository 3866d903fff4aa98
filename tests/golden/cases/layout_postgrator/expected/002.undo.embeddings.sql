-- migc 0.1.0: generated from input/002.undo.embeddings.sql for profile v1.0-novector; do not edit
-- migc: source sha256 6163ca790cc788e2cf2828dd73a35a2f81e1f0dd24e2eae2edc6b6fae1c3e37f
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
ALTER TABLE docs /* migc: elided DROP COLUMN embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ DROP COLUMN source;
