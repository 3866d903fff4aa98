-- migc 0.1.0: generated from input/002.undo.embeddings.sql for profile v1.0-novector; do not edit
-- migc: source sha256 6163ca790cc788e2cf2828dd73a35a2f81e1f0dd24e2eae2edc6b6fae1c3e37f
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE docs /* migc: elided DROP COLUMN embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ DROP COLUMN source;
