-- migc 0.1.0: generated from input/003_later.sql for profile v1.0-novector; do not edit
-- migc: source sha256 8edb0d63f17180275fae800aa688ed2e944687a78974256bc9972791f6bb544c
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided ALTER index docs_embedding_hnsw: index docs_embedding_hnsw elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided COMMENT ON docs_embedding_ivf: index docs_embedding_ivf elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
COMMENT ON INDEX docs_title IS 'title lookup';
REINDEX INDEX docs_title;
