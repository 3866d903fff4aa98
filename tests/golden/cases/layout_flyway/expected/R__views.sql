-- migc 0.1.0: generated from input/R__views.sql for profile v1.0-novector; do not edit
-- migc: source sha256 e7ca17d71bc9df7950b5bc705b19103578cc19d3b2b69ecfdfde2ecdcc828c70
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE OR REPLACE VIEW ${schema}.docs_titles AS SELECT id, title, origin FROM ${schema}.docs;
-- migc: elided view ${schema}.docs_similar: column ${schema}.docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
