-- migc 0.1.0: generated from input/002_names.sql for profile v1.0-novector; do not edit
-- migc: source sha256 5888d071e883b5006faf3f908eb6cd9f5c3d999caa32086ccafdd0691304dfd8
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided COMMENT ON docs_embedding_key: index docs_embedding_key elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided ALTER TABLE docs DROP CONSTRAINT docs_embedding_check: constraint docs_embedding_check elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided RENAME index docs_embedding_key: index docs_embedding_key elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
COMMENT ON CONSTRAINT docs_pkey ON docs IS 'kept';
