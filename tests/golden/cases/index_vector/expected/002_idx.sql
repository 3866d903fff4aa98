-- migc 0.1.0: generated from input/002_idx.sql for profile v1.0-novector; do not edit
-- migc: source sha256 8c76bae00398ecfcee020fbe9d29a15bdda3e8f18905b08e4618aeb4b58f69c3
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- hnsw with params
-- migc: elided index docs_embedding_hnsw: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided index docs_embedding_ivf: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- plain btree on an elided column
-- migc: elided index docs_embedding_btree: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- expression index over a vector function
-- migc: elided index docs_dims: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- kept
CREATE INDEX docs_title ON docs (title);
CREATE UNIQUE INDEX docs_title_lower ON docs (lower(title));
CREATE INDEX docs_tags ON docs USING gin (tags);
