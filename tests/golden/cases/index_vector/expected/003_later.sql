-- migc 0.1.0: generated from input/003_later.sql for profile v1.0-novector; do not edit
-- migc: source sha256 8edb0d63f17180275fae800aa688ed2e944687a78974256bc9972791f6bb544c
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided ALTER index docs_embedding_hnsw: index docs_embedding_hnsw elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided COMMENT ON docs_embedding_ivf: index docs_embedding_ivf elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
COMMENT ON INDEX docs_title IS 'title lookup';
REINDEX INDEX docs_title;
