-- migc 0.1.0: generated from input/2_embeddings.down.sql for profile v1.0-novector; do not edit
-- migc: source sha256 e51161f4dfaceb081e08ad9c1097143445418ebf9e8838265b349785d8e2076b
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided DROP index docs_embedding_idx: index docs_embedding_idx elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TABLE docs /* migc: elided DROP COLUMN embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ DROP COLUMN source;
