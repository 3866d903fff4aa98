-- migc 0.1.0: generated from input/20240103120000_index.sql for profile v1.0-novector; do not edit
-- migc: source sha256 d70fda7cfb1ce69e2bd5ebba140007dd926bf7ce12d37412ecc558f800adb4a8
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migrate:up transaction:false
-- migc: elided index docs_embedding_idx: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE INDEX CONCURRENTLY docs_source_idx ON docs (source);

-- migrate:down
-- migc: elided DROP index docs_embedding_idx: index docs_embedding_idx elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
DROP INDEX docs_source_idx;
