CREATE OR REPLACE VIEW ${schema}.docs_titles AS SELECT id, title, origin FROM ${schema}.docs;
CREATE OR REPLACE VIEW ${schema}.docs_similar AS SELECT a.id, b.id AS other FROM ${schema}.docs a, ${schema}.docs b WHERE a.embedding <-> b.embedding < 0.5;
