-- migc 0.1.0: generated from input/R__views.sql for profile v1.0-novector; do not edit
-- migc: source sha256 e7ca17d71bc9df7950b5bc705b19103578cc19d3b2b69ecfdfde2ecdcc828c70
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE OR REPLACE VIEW ${schema}.docs_titles AS SELECT id, title, origin FROM ${schema}.docs;
-- migc: elided view ${schema}.docs_similar: column ${schema}.docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
