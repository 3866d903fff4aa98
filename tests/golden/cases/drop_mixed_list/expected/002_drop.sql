-- migc 0.1.0: generated from input/002_drop.sql for profile v1.0-novector; do not edit
-- migc: source sha256 f74b62cc755e58cf59d3cd097cca3ae4f5fb13f2e1690a8c8ed1a87ecced0aa2
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
DROP INDEX docs_title_idx /* migc: elided index docs_embedding_idx: index docs_embedding_idx elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */;
DROP INDEX IF EXISTS docs_embedding_idx, docs_id_title_idx;
DROP VIEW /* migc: elided view docs_vectors: view docs_vectors elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ docs_titles;
DROP TABLE IF EXISTS scratch, no_such_table;
DROP TABLE docs CASCADE;
-- migc: elided DROP extension vector: extension vector is absent in v1.0-novector
