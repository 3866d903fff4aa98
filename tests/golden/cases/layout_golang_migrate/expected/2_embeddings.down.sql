-- migc 0.1.0: generated from input/2_embeddings.down.sql for profile v1.0-novector; do not edit
-- migc: source sha256 e51161f4dfaceb081e08ad9c1097143445418ebf9e8838265b349785d8e2076b
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided DROP index docs_embedding_idx: index docs_embedding_idx elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TABLE docs /* migc: elided DROP COLUMN embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ DROP COLUMN source;
