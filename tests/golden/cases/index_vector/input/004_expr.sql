ALTER TABLE docs ADD COLUMN vals real[];
-- the column is plain; the access method and opclass need the extension
CREATE INDEX docs_vals_hnsw ON docs USING hnsw ((vals::vector(3)) vector_l2_ops);
CREATE INDEX docs_vals_ivf ON docs USING ivfflat ((vals::vector(3)) vector_ip_ops) WITH (lists = 10);
CREATE INDEX docs_vals ON docs (vals);
DROP INDEX docs_vals_hnsw;
